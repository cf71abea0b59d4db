import { BarChart as Bars, LineChart as Lines } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([Bars, Lines, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export interface ChartSeries {
  name: string;
  /** One value per category; null where there is nothing to show. */
  data: Array<number | null>;
  /** A line across the chart for this series, e.g. the owner's deadline (policy, not law). */
  reference?: { label: string; value: number };
}

/**
 * A bar chart with Apache ECharts, rendered as SVG: its ARIA description is generated from the
 * data, each series has its own decal pattern so colour is never the only carrier, and every bar
 * shows its figure. The page always puts the same figures in a table beside it (WCAG 1.1.1, 1.4.1).
 */
/** The chart in words: each series with its figure per category ("–" where there is none). */
export function describe(title: string, categories: string[], series: ChartSeries[]): string {
  const figures = series.map((s) => `${s.name}: ${categories.map((c, i) => `${c} ${s.data[i] ?? '–'}`).join(', ')}.`);
  return [`${title}.`, ...figures].join(' ');
}

export function BarChart({
  title,
  categories,
  series,
  stacked = false,
  step = false,
  yMax,
  unit,
}: {
  title: string;
  categories: string[];
  series: ChartSeries[];
  stacked?: boolean;
  /** A step line rather than bars: a level that holds until the next assessment (Omni-trappa). */
  step?: boolean;
  yMax?: number;
  unit?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const refs = series.flatMap((s) => (s.reference ? [s.reference.value] : []));
    const chart = echarts.init(el.current, undefined, { renderer: 'svg', locale: 'EN' });
    chart.setOption({
      animation: false,
      // What a screen reader is told is the figures themselves, in bokmål:
      // "<title>. Meldt: Demo skole 3, Nabo skole 0. …"
      aria: {
        enabled: true,
        label: { description: describe(title, categories, series) },
        decal: { show: true },
      },
      textStyle: { fontFamily: 'Inter, sans-serif' },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 48, containLabel: true },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
      // The reference lines stay inside the chart, however low the bars are.
      yAxis: { type: 'value', name: unit, minInterval: 1, max: yMax ?? ((v: { max: number }) => Math.max(v.max, ...refs)) },
      series: series.map((s) => ({
        name: s.name,
        type: step ? 'line' : 'bar',
        step: step ? 'end' : undefined,
        stack: stacked ? 'total' : undefined,
        data: s.data,
        label: {
          show: true,
          position: stacked ? 'inside' : 'top',
          formatter: (p: { value: number | null }) => (p.value ? String(p.value) : ''),
        },
        markLine: s.reference
          ? { symbol: 'none', label: { formatter: s.reference.label, position: 'insideEndTop' }, data: [{ yAxis: s.reference.value }] }
          : undefined,
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [title, categories, series, stacked, step, yMax, unit]);
  // ECharts writes the ARIA description as aria-label on this element; role="img" makes that label valid.
  return <div ref={el} className="chart" role="img" data-chart={title} />;
}
