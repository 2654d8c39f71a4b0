'use strict';
/*
 * The bureau's dashboard: one region (its subtree included) on one day. It only shows what the public API says:
 *   scorecard   GET /api/v1/scorecards/{region}?asOf=            statuses, shares, values (indicators-service)
 *               GET /api/v1/indicators/{code}/series?region=&to=  the trend line of each target's indicator
 *   pipeline    GET /api/v1/projects/stats?year=&region=&asOf=    atLeast (the tier totals) and funnel (projects-service)
 *               GET /api/v1/projects/{overdue-reviews,late-milestones,open-obstacles}?asOf=&region=
 *   platforms   GET /api/v1/platforms/stats?groupBy=…&asOf=&region=  counts by the dated history (registry-service),
 *               once for the region, once per sub-region, once per year-end for the trend
 *   changes     GET /api/v1/events/stream?region=                  Server-Sent Events from the gateway's feed
 * Nothing is summed or derived here: where the page shows a total, an API answer carries it. The page never writes
 * to the console (the browser test counts console errors): failures are shown in #error.
 */

/** The page's own words: [Chinese, English]; a function takes what the sentence is about. */
const TEXT = {
  title: ['创新登记驾驶舱', 'Innovation Registry dashboard'],
  skip: ['跳到正文', 'Skip to content'],
  filters: ['筛选', 'Filters'],
  region: ['地区', 'Region'],
  asOf: ['截至日期', 'As of'],
  signIn: ['使用令牌登录', 'Sign in with a token'],
  tokenLabel: ['访问令牌（Bearer JWT）', 'Access token (Bearer JWT)'],
  signInButton: ['登录', 'Sign in'],
  signOut: ['退出', 'Sign out'],
  tokenHint: ['登录后可看到不公开的信息（如调度责任领导、问题内容）。令牌只保存在本标签页。', 'Signed in, you also see what the bureau does not publish (supervising officials, obstacles). The token stays in this tab only.'],
  swagger: ['接口文档（Swagger UI）', 'API documentation (Swagger UI)'],
  scorecard: ['规划目标完成情况', 'Plan targets'],
  scorecardCaption: ['每个规划目标的进度与状态', 'Progress and status of every plan target'],
  indicator: ['指标', 'Indicator'],
  plan: ['所属规划', 'Plan'],
  target: ['目标', 'Target'],
  latest: ['最新值', 'Latest'],
  progress: ['进度', 'Progress'],
  trend: ['走势', 'Trend'],
  status: ['状态', 'Status'],
  pipeline: ['重点项目推进', 'Project pipeline'],
  funnelCaption: ['各阶段项目数与投资（按投资规模）', 'Projects and investment per stage, by size'],
  overdueReviews: ['调度逾期', 'Overdue reviews'],
  lateMilestones: ['节点滞后', 'Late milestones'],
  openObstacles: ['未解决问题', 'Open obstacles'],
  platforms: ['创新平台', 'Innovation platforms'],
  platformCaption: ['按类型和级别统计的平台数', 'Platforms by type and level'],
  platformRegions: ['各下级地区的平台数', 'Platforms per sub-region'],
  platformYears: ['平台数的历年变化（各年12月31日）', 'Platforms over the years (on 31 December)'],
  changes: ['最新变动', 'What changed'],
  changesNote: ['实时：本页打开后本地区的每一次变更。', 'Live: every change in this region since the page was opened.'],
  subtitle: [(r, d) => `${r} · 截至 ${d}`, (r, d) => `${r} · as of ${d}`],
  scorecardNote: [(n) => `${n} 个目标；状态与进度由指标服务按截至日期计算。`, (n) => `${n} targets; status and progress as the indicators service judges them on that day.`],
  pipelineNote: [(y, by, d) => `${y} 年${by === 'signedOn' ? '签约' : '落地'}的项目，按投资规模及截至 ${d} 已达到的阶段。`,
    (y, by, d) => `Projects ${by === 'signedOn' ? 'signed' : 'landed'} in ${y}, by size and the stage they had reached by ${d}.`],
  platformsNote: [(d) => `截至 ${d} 在册（按认定历史）的平台。`, (d) => `Platforms in force on ${d} (by their dated history).`],
  noTargets: ['本地区没有规划目标。', 'No plan targets for this region.'],
  none: ['无', 'None'],
  more: [(n) => `另有 ${n} 项`, (n) => `${n} more`],
  daysOverdue: [(n) => `逾期 ${n} 天`, (n) => `${n} days overdue`],
  plannedOn: [(d) => `计划 ${d}`, (d) => `planned ${d}`],
  openDays: [(n) => `已 ${n} 天`, (n) => `open ${n} days`],
  official: ['责任领导', 'Official'],
  total: ['合计', 'Total'],
  allLevels: ['总计', 'All levels'],
  count: ['项目数', 'Projects'],
  planned: ['计划投资', 'Planned'],
  completed: ['完成投资', 'Completed'],
  tierTotal: [(t) => `${t}项目`, (t) => `projects ${t}`],
  signedInAs: [(s) => `已登录：${s}`, (s) => `Signed in: ${s}`],
  anonymous: ['未登录：公开信息', 'Not signed in: public data'],
  live: ['实时连接中', 'Live'],
  reconnecting: ['正在重新连接…', 'Reconnecting…'],
  waiting: ['等待新的变更…', 'Waiting for changes…'],
  badToken: ['这不是一个 JWT。', 'This is not a JWT.'],
  level: ['级别', 'Level'],
  type: ['类型', 'Type'],
  stage: ['阶段', 'Stage'],
};

/** Names of the API's codes (the enums of the OpenAPI document) for people: [Chinese, English]. */
const CODES = {
  status: { ACHIEVED: ['已完成', 'Achieved'], ON_TRACK: ['按计划', 'On track'], AT_RISK: ['有风险', 'At risk'],
    OFF_TRACK: ['滞后', 'Off track'], NO_DATA: ['无数据', 'No data'] },
  tier: { FROM_100M: ['亿元以上', '≥ RMB 100 M'], FROM_500M: ['5亿元以上', '≥ RMB 500 M'], FROM_1B: ['10亿元以上', '≥ RMB 1 B'] },
  stage: { LEAD: ['线索', 'Lead'], NEGOTIATING: ['洽谈', 'Negotiating'], SIGNED: ['签约', 'Signed'], LANDED: ['落地', 'Landed'],
    UNDER_CONSTRUCTION: ['在建', 'Under construction'], IN_PRODUCTION: ['投产', 'In production'], STALLED: ['停滞', 'Stalled'],
    CANCELLED: ['取消', 'Cancelled'] },
  level: { NATIONAL: ['国家级', 'National'], PROVINCIAL: ['省级', 'Provincial'], MUNICIPAL: ['市级', 'Municipal'] },
  type: { TECH_BUSINESS_INCUBATOR: ['科技企业孵化器', 'Sci-tech business incubator'], MAKER_SPACE: ['众创空间', 'Maker space'],
    KEY_LABORATORY: ['重点实验室', 'Key laboratory'],
    ENGINEERING_RESEARCH_CENTER: ['工程技术研究中心', 'Engineering technology research center'],
    ENTERPRISE_TECHNOLOGY_CENTER: ['企业技术中心', 'Enterprise technology center'],
    ACADEMICIAN_WORKSTATION: ['院士工作站', 'Academician workstation'],
    POSTDOCTORAL_STATION: ['博士后科研工作站', 'Post-doctoral research station'],
    INNOVATION_ALLIANCE: ['产业技术创新战略联盟', 'Industrial technology innovation alliance'],
    TECHNOLOGY_TRANSFER_CENTER: ['技术转移中心', 'Technology transfer center'],
    HIGH_TECH_ZONE: ['高新技术产业开发区', 'High-tech industrial zone'],
    AGRICULTURAL_SCI_TECH_PARK: ['农业科技园区', 'Agricultural sci-tech park'] },
  cadence: { QUARTERLY: ['每季度', 'quarterly'], MONTHLY: ['每月', 'monthly'], TEN_DAYS: ['每旬', 'every ten days'] },
  comparison: { AT_LEAST: ['≥', '≥'], AT_MOST: ['≤', '≤'] },
  aggregate: { platform: ['平台', 'Platform'], organization: ['机构', 'Organisation'], region: ['地区', 'Region'],
    project: ['项目', 'Project'], indicator: ['指标', 'Indicator'], observation: ['观测值', 'Observation'], target: ['目标', 'Target'] },
  action: { created: ['新建', 'created'], updated: ['修改', 'updated'], deleted: ['删除', 'deleted'],
    'stage-changed': ['阶段变更', 'stage changed'], 'obstacle-changed': ['问题更新', 'obstacle'], reviewed: ['调度记录', 'reviewed'],
    'investment-reported': ['投资月报', 'investment reported'], 'milestone-changed': ['节点更新', 'milestone'] },
};
const LEVELS = Object.keys(CODES.level);
const TYPES = Object.keys(CODES.type);
const TIERS = Object.keys(CODES.tier);
/** Where a record of each aggregate is read (the event's subject is its id). */
const RECORD_PATHS = { platform: '/api/v1/platforms/', organization: '/api/v1/organizations/', region: '/api/v1/regions/',
  project: '/api/v1/projects/', indicator: '/api/v1/indicators/', target: '/api/v1/targets/' };
const TREND_YEARS = 10;
const LIST_LENGTH = 8;
const FEED_LENGTH = 50;

const state = {
  lang: localStorage.getItem('innoreg.lang') === 'en' ? 'en' : 'zh',
  token: sessionStorage.getItem('innoreg.token') || '',
  regions: [],
  indicators: new Map(),
  charts: new Map(),
  stream: null,
  generation: 0,
  last: {},
};

const $ = (selector) => document.querySelector(selector);
const t = (key, ...args) => { const v = TEXT[key][state.lang === 'en' ? 1 : 0]; return typeof v === 'function' ? v(...args) : v; };
const code = (kind, value) => ((CODES[kind] || {})[value] || [])[state.lang === 'en' ? 1 : 0] || value;
const name = (record) => (state.lang === 'en' ? record.nameEn || record.nameZh : record.nameZh || record.nameEn) || record.name || '';
const number = (value) => (value === null || value === undefined ? '–'
  : Number(value).toLocaleString(state.lang === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 }));
/** RMB in the unit a reader of each language expects: 亿元 (10^8) or billions. */
const money = (value) => (state.lang === 'en' ? `RMB ${number(Number(value) / 1e9)} bn` : `${number(Number(value) / 1e8)} 亿元`);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (/^data[A-Z]/.test(key)) node.setAttribute(`data${key.slice(4).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value);
    else if (key.startsWith('aria') || ['href', 'title', 'scope', 'colspan', 'role', 'lang', 'id', 'style'].includes(key)) {
      node.setAttribute(key, value);
    } else node[key] = value;
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

async function api(path) {
  const headers = { Accept: 'application/json', 'Accept-Language': state.lang === 'en' ? 'en' : 'zh-CN' };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  const response = await fetch(path, { headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = body || {};
    throw new Error(`${path}: ${response.status} ${problem.title || ''}${problem.detail ? ` – ${problem.detail}` : ''}`);
  }
  return body;
}

function showError(error) {
  const box = $('#error');
  box.hidden = false;
  box.append(el('span', { text: error.message }), document.createElement('br'));
}

function chart(id, element) {
  let instance = state.charts.get(id);
  if (!instance || instance.getDom() !== element) {
    if (instance) instance.dispose(); // its element was replaced by a new rendering
    instance = echarts.init(element, null, { renderer: 'svg' });
    state.charts.set(id, instance);
  }
  return instance;
}

// ---- controls ---------------------------------------------------------------------------------------------------

function params() {
  const query = new URLSearchParams(location.search);
  return { region: query.get('region'), asOf: query.get('asOf') };
}

function today() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

function fillRegions(selected) {
  const select = $('#region');
  const children = new Map();
  for (const region of state.regions) {
    const parent = region.parentCode || '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(region);
  }
  select.replaceChildren();
  const add = (parent, depth) => {
    for (const region of children.get(parent) || []) {
      select.append(el('option', { value: region.code, text: `${'\u3000'.repeat(depth)}${name(region)} ${region.code}` }));
      add(region.code, depth + 1);
    }
  };
  add('', 0);
  if (selected && state.regions.some((r) => r.code === selected)) select.value = selected;
}

function translate() {
  document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
  document.title = `${t('title')}`;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
  const other = state.lang === 'en' ? 'zh' : 'en';
  const button = $('#lang');
  button.textContent = other === 'en' ? 'English' : '中文';
  button.lang = other === 'en' ? 'en' : 'zh-CN';
  button.setAttribute('aria-label', other === 'en' ? 'Switch to English' : '切换到中文');
  showWho();
}

function showWho() {
  let who = t('anonymous');
  if (state.token) {
    try {
      const claims = JSON.parse(atob(state.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      who = t('signedInAs', `${claims.sub}${claims.regions ? ` (${[].concat(claims.regions).join(', ')})` : ''}`);
    } catch (e) {
      who = t('badToken');
    }
  }
  $('#who').textContent = who;
  $('#signOut').hidden = !state.token;
}

// ---- scorecard --------------------------------------------------------------------------------------------------

async function loadScorecard(region, asOf, generation) {
  const card = await api(`/api/v1/scorecards/${region}?asOf=${asOf}`);
  const year = asOf.slice(0, 4);
  const series = await Promise.all(card.items.map((p) => api(
    `/api/v1/indicators/${encodeURIComponent(p.target.indicator)}/series?region=${region}&to=${year}`).catch((error) => {
      showError(error); // the row stays, without its trend line
      return { items: [] };
    })));
  if (generation !== state.generation) return;
  state.last.scorecard = { card, series };
  renderScorecard();
}

function renderScorecard() {
  const { card, series } = state.last.scorecard || { card: { items: [] }, series: [] };
  $('#scorecard-note').textContent = t('scorecardNote', card.items.length);
  const body = $('#scorecard-table tbody');
  body.replaceChildren();
  if (card.items.length === 0) body.append(el('tr', {}, el('td', { colspan: 7, text: t('noTargets') })));
  card.items.forEach((progress, i) => {
    const target = progress.target;
    const indicator = state.indicators.get(target.indicator) || { code: target.indicator };
    const share = progress.share === null || progress.share === undefined ? null : Number(progress.share);
    const spark = el('div', { class: 'spark', role: 'img', 'aria-label': `${t('trend')}: ${name(indicator) || target.indicator}` });
    body.append(el('tr', { dataTargetId: target.id, dataStatus: progress.status, title: target.plan },
      el('th', { scope: 'row' }, name(indicator) || target.indicator, el('span', { class: 'reason', text: target.description })),
      el('td', { text: target.plan }),
      el('td', { class: 'num', text: `${code('comparison', target.comparison) || ''} ${number(target.targetValue)}${target.kind === 'ANNUAL_GROWTH' ? ' %/a' : ''} (${target.targetPeriod})` }),
      el('td', { class: 'num', text: `${number(progress.value)}${progress.period ? ` (${progress.period})` : ''}` }),
      el('td', {},
        el('span', { class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100,
          'aria-valuenow': share === null ? null : Math.round(share * 100), 'aria-label': `${t('progress')}: ${name(indicator)}` },
        el('span', { style: `width:${share === null ? 0 : Math.min(100, Math.max(0, share * 100))}%` })),
        el('span', { class: 'share', text: share === null ? '–' : `${Math.round(share * 100)} %` })),
      el('td', {}, spark),
      el('td', {}, el('span', { class: `status ${progress.status}`, text: code('status', progress.status) }),
        el('span', { class: 'reason', text: progress.reason }))));
    const points = (series[i] && series[i].items) || [];
    chart(`spark-${i}`, spark).setOption({
      animation: false, grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: 'category', show: false, data: points.map((p) => p.period) },
      yAxis: { type: 'value', show: false, scale: true },
      tooltip: { trigger: 'axis', confine: true },
      // a dot per observation: a series of one value is a dot, not an invisible line
      series: [{ type: 'line', data: points.map((p) => Number(p.value)), symbol: 'circle', symbolSize: 4,
        itemStyle: { color: '#b71c1c' }, lineStyle: { width: 1.5, color: '#b71c1c' } }],
    }, true);
  });
}

// ---- pipeline ---------------------------------------------------------------------------------------------------

async function loadPipeline(region, asOf, generation) {
  const year = asOf.slice(0, 4);
  const where = `asOf=${asOf}&region=${region}`;
  const [stats, overdue, late, obstacles] = await Promise.all([
    api(`/api/v1/projects/stats?year=${year}&region=${region}&groupBy=tier&asOf=${asOf}`),
    api(`/api/v1/projects/overdue-reviews?${where}`),
    api(`/api/v1/projects/late-milestones?${where}`),
    api(`/api/v1/projects/open-obstacles?${where}`),
  ]);
  if (generation !== state.generation) return;
  state.last.pipeline = { stats, overdue, late, obstacles };
  renderPipeline();
}

function renderPipeline() {
  if (!state.last.pipeline) return;
  const { stats, overdue, late, obstacles } = state.last.pipeline;
  $('#pipeline-note').textContent = t('pipelineNote', stats.year, stats.by, $('#asOf').value);
  $('#funnel-totals').replaceChildren(...TIERS.map((tier) => el('div', { class: 'total' },
    el('b', { dataFunnelTotal: '', dataTier: tier, text: number((stats.atLeast || {})[tier] || 0) }),
    t('tierTotal', code('tier', tier)))));

  const head = el('tr', {}, el('th', { scope: 'col', text: t('stage') }),
    TIERS.map((tier) => el('th', { scope: 'colgroup', class: 'group', colspan: 3, text: code('tier', tier) })));
  const sub = el('tr', {}, el('th', {}), TIERS.map(() => [t('count'), t('planned'), t('completed')]
    .map((label) => el('th', { scope: 'col', class: 'num', text: label }))));
  $('#funnel-table thead').replaceChildren(head, sub);
  $('#funnel-table tbody').replaceChildren(...stats.funnel.map((stage) => el('tr', {},
    el('th', { scope: 'row', text: code('stage', stage.stage) }),
    TIERS.map((tier) => {
      const amounts = stage.atLeast[tier];
      return [el('td', { class: 'num', dataStage: stage.stage, dataTier: tier, text: number(amounts.count) }),
        el('td', { class: 'num', text: money(amounts.plannedInvestment) }),
        el('td', { class: 'num', text: money(amounts.completedInvestment) })];
    }))));

  const width = 100 / TIERS.length;
  chart('funnel', $('#funnel-chart')).setOption({
    animation: false,
    title: TIERS.map((tier, i) => ({ text: code('tier', tier), left: `${i * width + width / 2}%`, textAlign: 'center',
      textStyle: { fontSize: 13 } })),
    tooltip: { trigger: 'item', formatter: (p) => `${p.seriesName}<br>${p.name}: ${number(p.value)}<br>${t('planned')} ${money(p.data.planned)}` },
    series: TIERS.map((tier, i) => ({
      type: 'funnel', name: code('tier', tier), sort: 'none', left: `${i * width + 2}%`, width: `${width - 4}%`, top: 30, bottom: 10,
      minSize: '20%', label: { position: 'inside', formatter: (p) => `${p.name} ${number(p.value)}`, fontSize: 11 },
      data: stats.funnel.map((stage) => ({ name: code('stage', stage.stage), value: stage.atLeast[tier].count,
        planned: stage.atLeast[tier].plannedInvestment })),
    })),
  }, true);

  list('#overdue', overdue.items, (o) => [
    el('a', { href: `/api/v1/projects/${o.projectId}`, text: o.name }), ' ',
    el('span', { class: 'meta', text: `${t('daysOverdue', o.daysOverdue)} · ${code('cadence', o.reviewCadence)}` }),
    o.responsibleOfficial ? el('span', { class: 'meta official', text: ` · ${t('official')} ${o.responsibleOfficial}` }) : null]);
  list('#late', late.items, (m) => [
    el('a', { href: `/api/v1/projects/${m.projectId}/milestones`, text: m.title }), ' ',
    el('span', { class: 'meta', text: t('plannedOn', m.plannedOn) })]);
  list('#obstacles', obstacles.items, (o) => [
    el('a', { href: `/api/v1/projects/${o.projectId}/obstacles`, text: o.problem || o.department || `#${o.id}` }), ' ',
    el('span', { class: 'meta', text: `${o.department || ''} · ${t('openDays', o.ageDays)}` })]);
}

function list(selector, items, render) {
  const target = $(selector);
  target.replaceChildren(...items.slice(0, LIST_LENGTH).map((item) => el('li', {}, render(item))));
  if (items.length === 0) target.append(el('li', { class: 'empty', text: t('none') }));
  if (items.length > LIST_LENGTH) target.append(el('li', { class: 'empty', text: t('more', items.length - LIST_LENGTH) }));
}

// ---- platforms --------------------------------------------------------------------------------------------------

async function loadPlatforms(region, asOf, generation) {
  const stats = (groupBy, where, day) => api(`/api/v1/platforms/stats?groupBy=${groupBy}&asOf=${day}&region=${where}`);
  const lastYear = Number(asOf.slice(0, 4));
  const years = [];
  for (let year = lastYear - TREND_YEARS + 1; year <= lastYear; year++) years.push(year);
  const children = state.regions.filter((r) => r.parentCode === region);
  const [byTypeAndLevel, byLevel, perChild, perYear] = await Promise.all([
    stats('type,level', region, asOf),
    stats('level', region, asOf),
    Promise.all(children.map((child) => stats('level', child.code, asOf))),
    Promise.all(years.map((year) => stats('level', region, year === lastYear ? asOf : `${year}-12-31`))),
  ]);
  if (generation !== state.generation) return;
  state.last.platforms = { asOf, byTypeAndLevel, byLevel, children, perChild, years, perYear };
  renderPlatforms();
}

function countOf(stats, level) {
  const group = stats.groups.find((g) => g.level === level);
  return group ? group.count : 0;
}

function renderPlatforms() {
  if (!state.last.platforms) return;
  const { asOf, byTypeAndLevel, byLevel, children, perChild, years, perYear } = state.last.platforms;
  $('#platforms-note').textContent = t('platformsNote', asOf);
  $('#platform-table thead').replaceChildren(el('tr', {}, el('th', { scope: 'col', text: t('type') }),
    LEVELS.map((level) => el('th', { scope: 'col', class: 'num', text: code('level', level) }))));
  $('#platform-table tbody').replaceChildren(...TYPES.map((type) => el('tr', {},
    el('th', { scope: 'row', text: code('type', type) }),
    LEVELS.map((level) => {
      const group = byTypeAndLevel.groups.find((g) => g.type === type && g.level === level);
      return group ? el('td', { class: 'num', dataType: type, dataLevel: level, text: number(group.count) })
        : el('td', { class: 'num', text: '–' });
    }))));
  $('#platform-table tfoot').replaceChildren(el('tr', {}, el('td', { text: t('total') }),
    LEVELS.map((level) => el('td', { class: 'num', text: number(countOf(byLevel, level)) }))),
  el('tr', {}, el('td', { text: t('allLevels') }), el('td', { id: 'platform-total', class: 'num', colspan: LEVELS.length,
    text: number(byTypeAndLevel.total) })));

  const stacked = (data) => LEVELS.map((level) => ({ type: 'bar', stack: 'level', name: code('level', level),
    data: data.map((stats) => countOf(stats, level)) }));
  chart('regions', $('#platform-regions')).setOption({
    animation: false, title: { text: t('platformRegions'), textStyle: { fontSize: 13 } },
    legend: { bottom: 0 }, tooltip: { trigger: 'axis' }, grid: { left: 40, right: 10, top: 30, bottom: 60 },
    xAxis: { type: 'category', data: children.map(name), axisLabel: { rotate: 30, fontSize: 10 } },
    yAxis: { type: 'value', minInterval: 1 }, series: stacked(perChild),
  }, true);
  chart('years', $('#platform-years')).setOption({
    animation: false, title: { text: t('platformYears'), textStyle: { fontSize: 13 } },
    legend: { bottom: 0 }, tooltip: { trigger: 'axis' }, grid: { left: 40, right: 10, top: 30, bottom: 40 },
    xAxis: { type: 'category', data: years.map(String) }, yAxis: { type: 'value', minInterval: 1 },
    series: LEVELS.map((level) => ({ type: 'line', name: code('level', level), data: perYear.map((stats) => countOf(stats, level)) })),
  }, true);
}

// ---- what changed -----------------------------------------------------------------------------------------------

/**
 * Follows /api/v1/events/stream. Read with fetch rather than EventSource: EventSource cannot send the token (a
 * signed-in reader's feed keeps the fields the public one leaves out), and it hands named SSE events (the event name
 * is the CloudEvents type) only to listeners of each name. Reconnects with Last-Event-ID, so nothing is missed.
 */
function follow(region) {
  if (state.stream) state.stream.abort();
  const controller = new AbortController();
  state.stream = controller;
  $('#change-list').replaceChildren(el('li', { class: 'empty', dataI18n: 'waiting', text: t('waiting') }));
  let lastId = null;
  const note = (status) => {
    $('#stream-status').dataset.i18n = status;
    $('#stream-status').textContent = t(status);
    $('#change-list').dataset.stream = status;
  };
  const connect = async () => {
    const headers = { Accept: 'text/event-stream' };
    if (state.token) headers.Authorization = `Bearer ${state.token}`;
    if (lastId) headers['Last-Event-ID'] = lastId;
    const response = await fetch(`/api/v1/events/stream?region=${region}`, { headers, signal: controller.signal });
    if (!response.ok) throw new Error(`/api/v1/events/stream: ${response.status}`);
    note('live');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(buffer.indexOf('\n', end + 1) + 1);
        const data = [];
        for (const line of block.split(/\r?\n/)) {
          if (line.startsWith('id:')) lastId = line.slice(3).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length) show(JSON.parse(data.join('\n')));
      }
    }
  };
  const loop = async () => {
    while (!controller.signal.aborted) {
      try {
        await connect();
      } catch (error) {
        if (controller.signal.aborted) return;
      }
      note('reconnecting');
      await new Promise((resume) => setTimeout(resume, 2000));
    }
  };
  loop();
}

function show(event) {
  const items = $('#change-list');
  items.querySelector('.empty')?.remove();
  const [, , , aggregate, action] = event.type.split('.');
  const data = event.data || {};
  const label = name(data) || data.title || data.code || event.subject;
  const path = RECORD_PATHS[aggregate];
  const time = new Date(event.time).toLocaleString(state.lang === 'en' ? 'en' : 'zh-CN');
  items.prepend(el('li', { class: 'fresh', dataSubject: event.subject, dataType: event.type },
    el('span', { class: 'meta', text: `${time} · ${code('aggregate', aggregate)} ${code('action', action)} · ` }),
    path ? el('a', { href: path + encodeURIComponent(event.subject), text: label }) : label));
  while (items.children.length > FEED_LENGTH) items.lastElementChild.remove();
}

// ---- putting it together ----------------------------------------------------------------------------------------

async function load() {
  const region = $('#region').value;
  const asOf = $('#asOf').value || today();
  const generation = ++state.generation;
  const query = new URLSearchParams({ region, asOf });
  history.replaceState(null, '', `?${query}`);
  const current = state.regions.find((r) => r.code === region);
  $('#subtitle').textContent = t('subtitle', current ? name(current) : region, asOf);
  $('#error').hidden = true;
  $('#error').replaceChildren();
  document.body.dataset.loading = 'true';
  const loads = [loadScorecard, loadPipeline, loadPlatforms].map((part) => part(region, asOf, generation).catch(showError));
  if (state.followed !== `${region} ${state.token}`) {
    state.followed = `${region} ${state.token}`;
    follow(region);
  }
  await Promise.all(loads);
  if (generation === state.generation) document.body.dataset.loading = 'false';
}

function rerender() {
  translate();
  fillRegions($('#region').value);
  const current = state.regions.find((r) => r.code === $('#region').value);
  $('#subtitle').textContent = t('subtitle', current ? name(current) : $('#region').value, $('#asOf').value);
  renderScorecard();
  renderPipeline();
  renderPlatforms();
}

async function start() {
  translate();
  const wanted = params();
  $('#asOf').value = wanted.asOf || today();
  try {
    const [regions, indicators] = await Promise.all([api('/api/v1/regions'), api('/api/v1/indicators')]);
    state.regions = regions.items;
    indicators.items.forEach((indicator) => state.indicators.set(indicator.code, indicator));
  } catch (error) {
    showError(error);
    return;
  }
  fillRegions(wanted.region || localStorage.getItem('innoreg.region'));
  $('#region').addEventListener('change', () => { localStorage.setItem('innoreg.region', $('#region').value); load(); });
  $('#asOf').addEventListener('change', () => { if ($('#asOf').value) load(); });
  $('#lang').addEventListener('click', () => {
    state.lang = state.lang === 'en' ? 'zh' : 'en';
    localStorage.setItem('innoreg.lang', state.lang);
    rerender();
  });
  $('#tokenForm').addEventListener('submit', (e) => {
    e.preventDefault();
    state.token = $('#token').value.trim();
    $('#token').value = '';
    sessionStorage.setItem('innoreg.token', state.token);
    showWho();
    load();
  });
  $('#signOut').addEventListener('click', () => {
    state.token = '';
    sessionStorage.removeItem('innoreg.token');
    showWho();
    load();
  });
  window.addEventListener('resize', () => state.charts.forEach((c) => c.resize()));
  window.addEventListener('beforeprint', () => state.charts.forEach((c) => c.resize()));
  load();
}

start();
