import { BarChart as Bars, LineChart as Lines } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { describe, type ChartProps } from './bar-chart';

echarts.use([Bars, Lines, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

/**
 * A bar (or step) chart with Apache ECharts, rendered as SVG: its ARIA description is the figures
 * themselves, each series has its own decal pattern so colour is never the only carrier, and every
 * bar shows its figure. The page always puts the same figures in a table beside it (WCAG 1.1.1,
 * 1.4.1). Loaded only on the pages that draw a chart, so the start page never carries ECharts.
 */
export default function EchartsBarChart({ title, categories, series, stacked = false, step = false, yMax, unit }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const refs = series.flatMap((s) => (s.reference ? [s.reference.value] : []));
    const chart = echarts.init(el.current, undefined, { renderer: 'svg', locale: 'EN' });
    chart.setOption({
      animation: false,
      // What a screen reader is told is the figures themselves, in the chosen language:
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
