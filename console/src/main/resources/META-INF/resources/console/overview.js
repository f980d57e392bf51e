// Draws the overview's (and the improvement page's) charts with ECharts from the JSON the server put next to each chart. Without JavaScript the
// tables beside them say the same.
(function () {
  'use strict';
  function data(id) {
    var el = document.getElementById(id + '-data');
    return el ? JSON.parse(el.textContent) : null;
  }
  function trend(el) {
    var d = data(el.id);
    var band = d.high.map(function (h, i) { return h == null || d.low[i] == null ? null : h - d.low[i]; });
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: d.days },
      yAxis: { type: 'value', scale: true },
      series: [
        { name: 'low', type: 'line', data: d.low, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 },
          tooltip: { show: false } },
        { name: el.dataset.bandLabel, type: 'line', data: band, stack: 'band', symbol: 'none',
          lineStyle: { opacity: 0 }, areaStyle: { color: '#0b4f9c', opacity: 0.18 } },
        { name: el.dataset.valueLabel, type: 'line', data: d.value, color: '#0b4f9c', symbolSize: 6 }
      ]
    };
  }
  function heatmap(el) {
    var d = data(el.id);
    var small = el.dataset.smallLabel;
    return {
      tooltip: {
        formatter: function (p) {
          return d.stages[p.value[1]] + ' × ' + d.channels[p.value[0]] + ': ' + p.value[2] + ' (n = ' + p.value[3] +
            (p.value[4] ? ', ' + small : '') + ')';
        }
      },
      grid: { left: 120, right: 16, top: 16, bottom: 64 },
      xAxis: { type: 'category', data: d.channels },
      yAxis: { type: 'category', data: d.stages },
      visualMap: { min: -100, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#a11d1d', '#f3f5f8', '#1e6b30'] } },
      series: [{ type: 'heatmap', data: d.cells,
        label: { show: true, formatter: function (p) { return p.value[2] + (p.value[4] ? ' *' : ''); } },
        itemStyle: { borderColor: '#fff', borderWidth: 1 } }]
    };
  }
  function funnel(el) {
    var labels = el.dataset.labels.split('|');
    var values = el.dataset.values.split('|').map(Number);
    return {
      tooltip: {},
      grid: { left: 96, right: 16, top: 8, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: [{ type: 'bar', data: values, color: '#0b4f9c', label: { show: true, position: 'right' } }]
    };
  }
  function pareto(el) {
    var d = data(el.id);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 32, bottom: 64 },
      xAxis: { type: 'category', data: d.causes, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: [{ type: 'value', max: 100, name: '%' }, { type: 'value', max: 100, name: '%' }],
      series: [
        { name: el.dataset.shareLabel, type: 'bar', data: d.share, color: '#0b4f9c' },
        { name: el.dataset.cumulativeLabel, type: 'line', yAxisIndex: 1, data: d.cumulative, color: '#c24e00' }
      ]
    };
  }
  var builders = { trend: trend, heatmap: heatmap, funnel: funnel, pareto: pareto };
  function draw() {
    if (!window.echarts) { return; }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(builders[el.dataset.chart](el));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
}());
