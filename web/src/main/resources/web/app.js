// plansim what-if page: every change reposts the state to /api/forecast and redraws; nothing is loaded from the internet.
'use strict';
const T = {
  en: { title: 'plansim what-if', scenario: 'Scenario', upload: 'or upload YAML', paths: 'Paths', seed: 'Seed',
    reset: 'Reset drivers', download: 'Download YAML', link: 'Link to this state', targets: 'Targets', target: 'Target',
    year: 'Year', value: 'Target value', central: 'Central', pmet: 'P(met)', change: 'Change vs. scenario', verdict: 'Verdict',
    running: 'running', done: 'paths', warning: 'warning', seconds: 's', varies: 'the scenario\'s path varies by year; moving the slider sets every year to one value',
    scenarioValue: 'scenario', uploaded: 'uploaded file (not in the link)', median: 'median', baseline: 'unmodified scenario',
    actual: 'actual', band90: '90% band', band50: '50% band', planTarget: 'plan target',
    groups: { production: 'Production', trade: 'Trade', population: 'Population', energy: 'Energy', prices: 'Prices', structure: 'Structure', income: 'Income' },
    areas: { gdp: 'GDP', trade: 'Trade', energy: 'Energy', population: 'Population', income: 'Income' },
    verdicts: { on_track: 'on track', at_risk: 'at risk', off_track: 'off track', met: 'met', missed: 'missed', not_evaluable: 'not evaluable' },
    xlsx: 'Download Excel', solveTitle: 'What would it take?', driver: 'Driver', solveP: 'P(met) (empty: central path)', solve: 'Solve',
    tornadoTitle: 'Tornado: what matters most', output: 'Output', tornadoShow: 'Show tornado', solving: 'solving',
    solveFound: (d, v, u, y, p) => d + ' at ' + v + ' (' + u + ') from ' + y + (p == null ? ' meets the target on the central path' : ' meets it on ' + p + ' of the paths'),
    solveNone: 'no value in the allowed range meets it', period: 'period', atP10: 'at p10', atP90: 'at p90', allMedian: 'all at medians' },
  zh: { title: 'plansim 情景推演', scenario: '情景', upload: '或上传 YAML 文件', paths: '模拟路径数', seed: '随机种子',
    reset: '恢复驱动因素', download: '下载 YAML', link: '本状态的链接', targets: '规划目标', target: '目标',
    year: '年份', value: '目标值', central: '中心预测', pmet: '达成概率', change: '较原情景变化', verdict: '判断',
    running: '计算中', done: '条路径', warning: '警告', seconds: '秒', varies: '该情景中此参数逐年变化；拖动滑块会把每一年设为同一个值',
    scenarioValue: '原情景', uploaded: '上传的文件（不在链接中）', median: '中位数', baseline: '原情景',
    actual: '实际值', band90: '90% 区间', band50: '50% 区间', planTarget: '规划目标',
    groups: { production: '生产', trade: '贸易', population: '人口', energy: '能源', prices: '价格', structure: '产业结构', income: '收入' },
    areas: { gdp: '地区生产总值', trade: '贸易', energy: '能源', population: '人口', income: '收入' },
    verdicts: { on_track: '有望达成', at_risk: '存在风险', off_track: '难以达成', met: '已达成', missed: '未达成', not_evaluable: '无法评估' },
    xlsx: '下载 Excel', solveTitle: '需要怎样才能达成？', driver: '驱动因素', solveP: '达成概率（留空：按中心路径）', solve: '求解',
    tornadoTitle: '龙卷风图：哪些因素最重要', output: '输出', tornadoShow: '显示龙卷风图', solving: '求解中',
    solveFound: (d, v, u, y, p) => d + ' 自 ' + y + ' 年起取 ' + v + '（' + u + '）' + (p == null ? '时中心路径恰好达成目标' : '时 ' + p + ' 的路径达成目标'),
    solveNone: '允许范围内没有能达成目标的取值', period: '时段', atP10: '取第10百分位', atP90: '取第90百分位', allMedian: '全部取中位数' }
};
const GROUP_ORDER = ['production', 'trade', 'population', 'energy', 'prices', 'income', 'structure'];
const $ = id => document.getElementById(id);
const state = { scenario: null, yaml: null, yamlName: null, overrides: {}, seed: 1, paths: 10000,
  lang: (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en', version: null,
  drivers: [], response: null, runs: 0, pending: null, timer: null, client: Math.random().toString(36).slice(2) };
const charts = {};
const chosenSeries = {};
window.plansim = state;

function t(key) { return T[state.lang][key]; }

// a driver's unit in the page's language (an elasticity is dimensionless and says so: elasticity, 弹性系数)
function unitOf(d) { return (state.lang === 'zh' ? d.unitZh : d.unit) || d.unit; }

function applyLanguage() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.dataset.t); });
  $('lang').textContent = state.lang === 'zh' ? 'English' : '中文';
  document.title = t('title');
  renderDrivers();
  if (state.response) { render(state.response); }
  updateLink();
}

function overridesList() {
  return Object.keys(state.overrides).sort().map(p => p + '=' + state.overrides[p]);
}

// a Monte Carlo's fields, for the routes that run one
function mc(extra) { return Object.assign({ seed: state.seed, paths: state.paths, client: state.client }, extra || {}); }

// the scenario and overrides; each route gets only the fields it uses (the API refuses the others, as the command line does)
function body(extra) {
  const b = { overrides: overridesList() };
  if (state.yaml != null) { b.yaml = state.yaml; b.name = state.yamlName; } else { b.scenario = state.scenario; }
  return Object.assign(b, extra || {});
}

async function post(url, payload, signal) {
  const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload), signal });
  const text = await r.text();
  if (!r.ok) {
    let e; try { e = JSON.parse(text); } catch (x) { e = { error: text || ('HTTP ' + r.status) }; }
    const err = new Error(e.error); err.problems = e.problems || []; err.status = r.status; throw err;
  }
  return { text, json: () => JSON.parse(text) };
}

function showError(e) {
  const box = $('error');
  document.querySelectorAll('.driver.bad').forEach(d => d.classList.remove('bad'));
  if (!e) { box.hidden = true; box.textContent = ''; return; }
  box.hidden = false;
  box.textContent = e.message + (e.problems && e.problems.length ? '\n' + e.problems.map(p => p.message).join('\n') : '');
  Object.keys(state.overrides).forEach(p => {
    if (e.message.includes(p)) { const d = document.querySelector('.driver[data-path="' + p + '"]'); if (d) d.classList.add('bad'); }
  });
}

async function loadDrivers() {
  const r = await post('/api/drivers', body());
  const d = r.json();
  state.drivers = d.drivers;
  renderDrivers();
}

function fmt(x, digits) {
  if (x == null || !isFinite(x)) return '–';
  return Number(x).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits == null ? 2 : digits });
}

function renderDrivers() {
  const box = $('drivers');
  box.textContent = '';
  const groups = {};
  state.drivers.forEach(d => { (groups[d.group] = groups[d.group] || []).push(d); });
  GROUP_ORDER.filter(g => groups[g]).forEach(g => {
    const fs = document.createElement('fieldset');
    const lg = document.createElement('legend');
    lg.textContent = T[state.lang].groups[g] || g;
    fs.appendChild(lg);
    groups[g].forEach(d => {
      if (d.periods && d.periods.length > 1) {
        // a path stated by periods: one slider per period ("group.name[Y1-Y2]=value", as --set takes it)
        d.periods.forEach(p => fs.appendChild(driverInput(Object.assign({}, d, { key: d.path + '[' + p.from + '-' + p.to + ']',
          label: d.path + ' ' + p.from + '–' + p.to, scenarioValue: p.scenarioValue, varies: false }))));
      } else {
        fs.appendChild(driverInput(d));
      }
    });
    box.appendChild(fs);
  });
}

function driverInput(d) {
  const key = d.key || d.path;
  const div = document.createElement('div');
  div.className = 'driver' + (key in state.overrides ? ' changed' : '');
  div.dataset.path = key;
  const value = key in state.overrides ? state.overrides[key] : d.scenarioValue;
  const head = document.createElement('div');
  head.className = 'head';
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = d.label || d.path;
  name.title = d.why;
  const unit = document.createElement('span');
  unit.className = 'hint';
  unit.textContent = unitOf(d) + ' · [' + d.min + ', ' + d.max + '] · ' + t('scenarioValue') + ' ' + fmt(d.scenarioValue, 4) + (d.varies ? ' *' : '');
  if (d.varies) unit.title = t('varies');
  head.append(name, unit);
  const range = document.createElement('input');
  range.type = 'range'; range.min = d.min; range.max = d.max; range.step = niceStep(d.min, d.max); range.value = value;
  range.setAttribute('aria-label', key);
  const num = document.createElement('input');
  num.type = 'number'; num.min = d.min; num.max = d.max; num.step = range.step; num.value = value;
  num.setAttribute('aria-label', key + ' value');
  const set = v => {
    if (v === '' || isNaN(Number(v))) return;
    state.overrides[key] = Number(v);
    div.classList.add('changed');
    schedule();
  };
  range.addEventListener('input', () => { num.value = range.value; set(range.value); });
  num.addEventListener('change', () => { range.value = num.value; set(num.value); });
  div.append(head, range, num);
  return div;
}

function niceStep(min, max) {
  const raw = (max - min) / 400;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  return [1, 2, 5, 10].map(m => m * p).find(s => s >= raw);
}

function schedule() {
  updateLink();
  clearTimeout(state.timer);
  state.timer = setTimeout(run, 150);
}

async function run() {
  if (state.pending) state.pending.abort();
  const ctl = new AbortController();
  state.pending = ctl;
  const started = performance.now();
  $('status').textContent = t('running') + ' …';
  document.body.dataset.busy = 'true';
  try {
    const r = await post('/api/forecast', body(mc()), ctl.signal);
    if (ctl !== state.pending) return;
    state.response = r.json();
    state.runs++;
    showError(null);
    render(state.response);
    $('status').textContent = fmt(state.response.pathsUsed, 0) + ' ' + t('done') + ' · ' + fmt((performance.now() - started) / 1000, 2) + ' ' + t('seconds')
      + ' · plansim ' + state.response.version;
    // failed paths were left out of every figure: say so where the path count is shown, not only among the notes
    if (state.response.warning) {
      const w = document.createElement('span');
      w.className = 'warning';
      w.textContent = ' · ' + t('warning') + ': ' + state.response.warning;
      $('status').appendChild(w);
    }
  } catch (e) {
    if (e.name === 'AbortError' || (e.status === 409 && ctl !== state.pending)) return;
    if (ctl === state.pending) { showError(e); $('status').textContent = ''; }
  } finally {
    if (ctl === state.pending) { state.pending = null; document.body.dataset.busy = 'false'; document.body.dataset.runs = String(state.runs); }
  }
}

function render(r) {
  const zh = state.lang === 'zh';
  const tbody = document.querySelector('#targets tbody');
  tbody.textContent = '';
  r.targets.forEach(x => {
    const tr = document.createElement('tr');
    tr.dataset.id = x.id;
    tr.dataset.probability = x.probability == null ? '' : x.probability;
    tr.dataset.change = x.change == null ? '' : x.change;
    const light = document.createElement('span');
    light.className = 'light ' + x.verdict;
    // the target whole, as every output words it (Target.statement: range, tolerance, comparator, from-year), not its value alone
    const cells = [light, (zh ? x.nameZh : x.name) || x.statement, String(x.year), x.statement, fmt(x.central),
      x.probability == null ? '–' : fmt(100 * x.probability, 1) + '%', null, T[state.lang].verdicts[x.verdict] || x.verdictLabel];
    cells.forEach((c, i) => {
      const td = document.createElement('td');
      if (i === 6) {
        const ch = x.change == null ? null : 100 * x.change;
        td.textContent = ch == null ? '–' : (ch > 0 ? '+' : '') + fmt(ch, 1) + (zh ? ' 个百分点' : ' pp');
        td.className = 'num ' + (ch > 0.05 ? 'up' : ch < -0.05 ? 'down' : '');
      } else if (c instanceof Node) { td.appendChild(c); } else { td.textContent = c; if (i >= 4 && i <= 5) td.className = 'num'; }
      if (i === 1) td.title = x.statement;
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  });
  const notes = $('notes');
  notes.textContent = '';
  r.notes.forEach(n => { const li = document.createElement('li'); li.textContent = n; notes.appendChild(li); });
  Object.keys(r.areas).forEach(a => drawArea(a, r));
  fillAnalysisChoices(r);
}

function drawArea(area, r) {
  const list = r.areas[area];
  if (!list.length) return;
  let box = document.getElementById('area-' + area);
  if (!box) {
    box = document.createElement('div');
    box.className = 'chart-box';
    box.id = 'area-' + area;
    const sel = document.createElement('select');
    sel.addEventListener('change', () => { chosenSeries[area] = sel.value; drawArea(area, state.response); });
    const el = document.createElement('div');
    el.className = 'chart';
    box.append(sel, el);
    $('charts').appendChild(box);
    charts[area] = echarts.init(el);
  }
  const zh = state.lang === 'zh';
  const sel = box.querySelector('select');
  sel.textContent = '';
  list.forEach(s => { const o = document.createElement('option'); o.value = s.id; o.textContent = (zh ? s.nameZh : s.name) + ' (' + s.unit + ')'; sel.appendChild(o); });
  const s = list.find(x => x.id === chosenSeries[area]) || list[0];
  sel.value = s.id;
  const first = Math.min(s.years[0], ...s.actuals.map(a => a[0]));
  const years = [];
  for (let y = first; y <= s.years[s.years.length - 1]; y++) years.push(String(y));
  const pad = arr => years.map(y => { const i = s.years.indexOf(Number(y)); return i < 0 ? null : arr[i]; });
  const diff = (hi, lo) => hi.map((v, i) => v == null || lo[i] == null ? null : v - lo[i]);
  const p = s.percentiles;
  const targets = r.targets.filter(x => x.metric === s.id && x.kind === 'level' && x.value != null)
    .map(x => ({ value: [String(x.year), x.value], name: (zh ? x.nameZh : x.name) || x.id }));
  const median = pad(p.p50);
  box.dataset.median = JSON.stringify(median.slice(-1));
  charts[area].setOption({
    animation: false,
    title: { text: (T[state.lang].areas[area] || area) + ' · ' + (zh ? s.nameZh : s.name) + ' (' + s.unit + ')', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, textStyle: { fontSize: 10 }, data: [t('median'), t('baseline'), t('actual'), t('planTarget')] },
    grid: { left: 60, right: 16, top: 36, bottom: 44 },
    xAxis: { type: 'category', data: years, boundaryGap: false },
    yAxis: { type: 'value', scale: true },
    series: [
      { name: 'p05', type: 'line', data: pad(p.p05), stack: 'outer', lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
      { name: t('band90'), type: 'line', data: diff(pad(p.p95), pad(p.p05)), stack: 'outer', lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: 'rgba(11,87,208,0.12)' } },
      { name: 'p25', type: 'line', data: pad(p.p25), stack: 'inner', lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
      { name: t('band50'), type: 'line', data: diff(pad(p.p75), pad(p.p25)), stack: 'inner', lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: 'rgba(11,87,208,0.22)' } },
      { name: t('median'), type: 'line', data: median, symbol: 'none', lineStyle: { color: '#0b57d0', width: 2 } },
      { name: t('baseline'), type: 'line', data: pad(s.baseline), symbol: 'none', lineStyle: { color: '#999', type: 'dashed', width: 1.5 } },
      { name: t('actual'), type: 'scatter', data: s.actuals.map(a => [String(a[0]), a[1]]), itemStyle: { color: '#222' }, symbolSize: 6 },
      { name: t('planTarget'), type: 'scatter', data: targets, symbol: 'diamond', symbolSize: 10, itemStyle: { color: '#d93025' } }
    ]
  }, true);
}

function updateLink() {
  const q = new URLSearchParams();
  if (state.scenario && state.yaml == null) q.set('scenario', state.scenario);
  overridesList().forEach(o => q.append('set', o));
  q.set('seed', state.seed);
  q.set('paths', state.paths);
  q.set('lang', state.lang);
  if (state.version) q.set('v', state.version);
  $('link').href = location.pathname + '?' + q.toString();
  $('link').title = state.yaml != null ? t('uploaded') : '';
}

async function download() {
  try {
    const r = await post('/api/yaml', body());
    $('yaml').textContent = r.text;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([r.text], { type: 'application/yaml' }));
    a.download = (state.yaml != null ? 'scenario' : state.scenario.replace('/', '-')) + '-whatif.yaml';
    document.body.appendChild(a); a.click(); a.remove();
    showError(null);
  } catch (e) { showError(e); }
}

async function downloadXlsx() {
  try {
    const r = await fetch('/api/xlsx', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body(mc({ lang: state.lang }))) });
    if (!r.ok) { const e = await r.json(); const err = new Error(e.error); err.problems = e.problems || []; throw err; }
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await r.blob());
    a.download = (state.yaml != null ? 'scenario' : state.scenario.replace('/', '-')) + '-whatif.xlsx';
    document.body.appendChild(a); a.click(); a.remove();
    showError(null);
  } catch (e) { showError(e); }
}

function fillSelect(id, items) {
  const sel = $(id);
  const was = sel.value;
  sel.textContent = '';
  items.forEach(([v, label]) => { const o = document.createElement('option'); o.value = v; o.textContent = label; sel.appendChild(o); });
  if (items.some(([v]) => v === was)) sel.value = was;
}

function fillAnalysisChoices(r) {
  const zh = state.lang === 'zh';
  const targets = r.targets.filter(x => x.year > r.scenario.baseYear).map(x => [x.id, x.id + ' · ' + ((zh ? x.nameZh : x.name) || '')]);
  fillSelect('solve-target', targets);
  fillSelect('tornado-output', targets);
  fillSelect('solve-driver', state.drivers.map(d => [d.path, d.path + ' (' + unitOf(d) + ')']));
}

async function solve() {
  const p = $('solve-p').value.trim();
  const extra = { target: $('solve-target').value, driver: $('solve-driver').value, client: state.client };
  // the probability search reruns the Monte Carlo a dozen times or more, each rerun reading the first one's draws:
  // the page's 10,000 paths take about half a second (docs/PERFORMANCE.md, session 9); more would take seconds
  if (p !== '') { extra.probability = Number(p); extra.seed = state.seed; extra.paths = Math.min(state.paths, 10000); }
  $('solve-result').textContent = t('solving') + ' …';
  try {
    const x = (await post('/api/solve', body(extra))).json();
    state.solution = x;
    $('solve-result').dataset.value = x.value == null ? '' : x.value;
    $('solve-result').textContent = x.found
      ? T[state.lang].solveFound(x.driver, fmt(x.value, 4), unitOf(x), x.from, x.probability == null ? null : fmt(100 * x.probability, 0) + '%')
        + (x.probability == null ? '' : ' (' + fmt(x.paths, 0) + ' ' + t('done') + ', seed ' + x.seed + ')')
      : t('solveNone') + ': ' + x.message;
    showError(null);
  } catch (e) { $('solve-result').textContent = ''; showError(e); }
}

async function tornado() {
  try {
    const x = (await post('/api/tornado', body({ output: $('tornado-output').value, client: state.client }))).json();
    state.tornado = x;
    const el = $('tornado-chart');
    el.style.height = Math.max(160, 40 + 28 * x.bars.length) + 'px';
    if (!charts.tornado) charts.tornado = echarts.init(el); else charts.tornado.resize();
    const bars = x.bars.slice().reverse();
    charts.tornado.setOption({
      animation: false,
      title: { text: x.output + ' · ' + t('allMedian') + ' ' + fmt(x.atMedians, 4), textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, data: [t('atP10'), t('atP90')] },
      grid: { left: 190, right: 24, top: 36, bottom: 40 },
      xAxis: { type: 'value', scale: true },
      yAxis: { type: 'category', data: bars.map(b => b.parameter) },
      series: [
        { name: t('atP10'), type: 'bar', data: bars.map(b => b.output_at_p10), itemStyle: { color: '#d93025' } },
        { name: t('atP90'), type: 'bar', data: bars.map(b => b.output_at_p90), itemStyle: { color: '#0b57d0' } }
      ]
    }, true);
    el.dataset.bars = String(x.bars.length);
    showError(null);
  } catch (e) { showError(e); }
}

async function start() {
  const q = new URLSearchParams(location.search);
  if (q.get('lang') === 'zh' || q.get('lang') === 'en') state.lang = q.get('lang');
  const v = await (await fetch('/api/version')).json();
  state.version = v.version;
  const list = await (await fetch('/api/scenarios')).json();
  const sel = $('scenario');
  list.forEach(s => { const o = document.createElement('option'); o.value = s.name; o.textContent = s.name; o.title = s.summary; sel.appendChild(o); });
  state.scenario = list.some(s => s.name === q.get('scenario')) ? q.get('scenario') : list[0].name;
  sel.value = state.scenario;
  q.getAll('set').forEach(s => { const i = s.indexOf('='); if (i > 0) state.overrides[s.slice(0, i)] = Number(s.slice(i + 1)); });
  if (q.get('seed') != null && /^-?\d+$/.test(q.get('seed'))) state.seed = Number(q.get('seed'));
  if (q.get('paths') != null && /^\d+$/.test(q.get('paths'))) state.paths = Number(q.get('paths'));
  if (q.get('v') && q.get('v') !== state.version) $('status').textContent = 'link made by plansim ' + q.get('v') + ', this is ' + state.version;
  $('seed').value = state.seed;
  $('paths').value = state.paths;
  sel.addEventListener('change', async () => { state.scenario = sel.value; state.yaml = null; state.overrides = {}; $('upload').value = ''; await refresh(); });
  $('upload').addEventListener('change', async () => {
    const f = $('upload').files[0];
    if (!f) return;
    state.yaml = await f.text(); state.yamlName = f.name; state.overrides = {};
    await refresh();
  });
  $('seed').addEventListener('change', () => { state.seed = Number($('seed').value); schedule(); });
  $('paths').addEventListener('change', () => { state.paths = Number($('paths').value); schedule(); });
  $('reset').addEventListener('click', () => { state.overrides = {}; renderDrivers(); schedule(); });
  $('download').addEventListener('click', download);
  $('xlsx').addEventListener('click', downloadXlsx);
  $('solve').addEventListener('click', solve);
  $('tornado').addEventListener('click', tornado);
  $('lang').addEventListener('click', () => { state.lang = state.lang === 'zh' ? 'en' : 'zh'; applyLanguage(); });
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  applyLanguage();
  await refresh();
}

async function refresh() {
  try {
    await loadDrivers();
    showError(null);
    updateLink();
    await run();
  } catch (e) { showError(e); }
}

start();
