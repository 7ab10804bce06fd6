// ECharts as the dashboard draws it: the core with only the bar and line charts, the grid, tooltip and
// legend, on canvas — registered once, and only in the dashboard's chunk.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import VChart from 'vue-echarts';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { VChart };
