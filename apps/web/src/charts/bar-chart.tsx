import { lazy, Suspense } from 'react';

export interface ChartSeries {
  name: string;
  /** One value per category; null where there is nothing to show. */
  data: Array<number | null>;
  /** A line across the chart for this series, e.g. the owner's deadline (policy, not law). */
  reference?: { label: string; value: number };
}

export interface ChartProps {
  title: string;
  categories: string[];
  series: ChartSeries[];
  stacked?: boolean;
  /** A step line rather than bars: a level that holds until the next assessment (Omni-trappa). */
  step?: boolean;
  yMax?: number;
  unit?: string;
}

/** The chart in words: each series with its figure per category ("–" where there is none). */
export function describe(title: string, categories: string[], series: ChartSeries[]): string {
  const figures = series.map((s) => `${s.name}: ${categories.map((c, i) => `${c} ${s.data[i] ?? '–'}`).join(', ')}.`);
  return [`${title}.`, ...figures].join(' ');
}

const Chart = lazy(() => import('./echarts-bar-chart'));

/**
 * A chart with Apache ECharts (see echarts-bar-chart.tsx), fetched the first time a page draws one.
 * Until it has loaded, the figures are already there in words, and in the table the page puts beside it.
 */
export function BarChart(props: ChartProps) {
  return (
    <Suspense fallback={<p className="chart chart--loading">{describe(props.title, props.categories, props.series)}</p>}>
      <Chart {...props} />
    </Suspense>
  );
}
