// Writes the reference data package badge is tested against: the widths
// anafanafo measures and the geometry of the badges badge-maker draws.
//
// Usage, in a scratch directory outside the repository:
//
//	npm install badge-maker@6.0.0 anafanafo@2.0.0
//	cp <repo>/internal/badge/testdata/reference.mjs . && node reference.mjs <repo>/internal/badge/testdata
//
// Output: reference.json (widths and, per badge, the svg size, the
// background rects and the visible texts) and shields/*.svg, a few whole
// badges for byte-for-byte comparison.
import { makeBadge } from 'badge-maker'
import anafanafo from 'anafanafo'
import { readFileSync, writeFileSync, mkdirSync } from 'fs'

const pkg = n => JSON.parse(readFileSync(`node_modules/${n}/package.json`)).version

const pairs = [
  ['Pre-Launch Milestone', '85%', 'green'],
  ['build', 'passing', 'brightgreen'],
  ['coverage', '34/40', 'yellowgreen'],
  ['Phase 2: Beta', 'n/a', 'lightgrey'],
  ['progress', '0%', 'red'],
  ['progress', '100%', 'brightgreen'],
  ['tasks', '50%', 'yellow'],
  ['tasks', '25%', 'orange'],
  ['docs', 'blue', 'blue'],
  ['', 'no label', 'blue'],
  ['only label', '', 'green'],
  ['Café déjà vu', '100%', 'brightgreen'],
  ['Ωmega Ελληνικά', 'ñandú', 'green'],
  ['Straße', 'ß ﬁ ŉ', 'orange'],
  ['ÿ ſ', 'ȳ Ǉ', 'red'],
  ['発売前マイルストーン', '85%', 'green'],
  ['进度', '50%', 'yellow'],
  ['한국어', '7/9', 'yellowgreen'],
  ['🚀 launch', '✅ done', 'brightgreen'],
  ['family 👨‍👩‍👧', '🦄', 'blue'],
  ['R&D <beta>', '"quoted" & \'apos\'', 'red'],
  ['a<b', 'x>y', '#4c1'],
  ['  padded  ', ' 5% ', 'green'],
  ['tab\there', 'x\u0001y', 'green'],
  ['A very long section title that keeps going and going', '12/345', 'orange'],
  ['MiXeD 0123456789', 'WWWW iiii', '95991a'],
  ['bright', 'background', '#ffee00'],
  ['bright', 'background', 'fe7'],
  ['alias', 'success', 'success'],
  ['alias', 'critical', 'critical'],
  ['alias', 'gray', 'gray'],
  ['unknown', 'colour', 'no-such-colour'],
  ['classic', 'brightgreen', '#4c1'],
  ['classic', 'yellow', '#dfb317'],
  ['classic', 'lightgrey', '#9f9f9f'],
  ['nbsp\u00a0x', '\u2026', 'green'],
  ['C1\u0085ctl', 'del\u007f', 'green'],
  ['brightness', '0.694', '#b1b1b1'],
  ['brightness', '0.698', '#b2b2b2'],
  ['css', 'steelblue', 'steelblue'],
  ['css', 'white', 'white'],
  ['hex', 'alpha', '#fe78'],
  ['hex', 'alpha', '#FFEE0080'],
  ['case', 'sensitive', 'Green'],
  ['function', 'rgb', 'rgb(1,2,3)'],
  ['empty', 'colour', ''],
]
// Random texts from a mix of scripts, with characters the tables lack
// (Hangul syllables, emoji, U+00FF) and control characters, generated from
// a fixed seed so that the file is reproducible.
const pool = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !"#$%&\'()*+,-./:;<=>?@[]^_`{|}~',
  ...'àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿßŉǰſﬁﬂ', ...'ΑΒΓαβγΐΰЖжЯя', ...'発売前進度漢字カナ', ...'한국어',
  '\u{1F680}', '\u{1F984}', '\u2705', '\u200D', '\uFE0F', '\u2026', '\u00A0', '\t', '\u0001', '\u007F', '\u0085', '\u{10000}',
]
let seed = 20261121
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
const randomText = () => Array.from({ length: 1 + Math.floor(random() * 30) }, () => pool[Math.floor(random() * pool.length)]).join('')
for (let i = 0; i < 20; i++) pairs.push([randomText(), randomText(), ['green', 'red', '#ffee00', 'lightgrey'][i % 4]])
const extraWidthTexts = Array.from({ length: 60 }, randomText)

const styles = ['flat', 'flat-square', 'for-the-badge']

const unescape = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
const attrs = s => Object.fromEntries([...s.matchAll(/([\w:-]+)="([^"]*)"/g)].map(m => [m[1], unescape(m[2])]))

const num = v => (v === undefined ? undefined : Number(v))
// Whole SVGs are kept for these pairs (indexes into pairs).
const keepSVG = { 0: 'pre-launch', 9: 'no-label', 18: 'emoji', 20: 'escaping', 26: 'bright' }
const out = process.argv[2]
if (!out) throw new Error('usage: node reference.mjs <output dir>')
mkdirSync(`${out}/shields`, { recursive: true })

const badges = []
for (const [i, [label, message, color]] of pairs.entries()) {
  for (const style of styles) {
    const svg = makeBadge({ label, message, color, style })
    const root = attrs(svg.match(/^<svg([^>]*)>/)[1])
    // Background rects: those with a fill colour (not the clip path nor the gradient overlay).
    const rects = [...svg.matchAll(/<rect([^>]*)\/>/g)].map(m => attrs(m[1]))
      .filter(a => a.fill && !a.fill.startsWith('url('))
      .map(a => ({ x: num(a.x) ?? 0, width: num(a.width), fill: a.fill }))
    // Foreground texts, without the shadow copies.
    const texts = [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)]
      .map(m => ({ a: attrs(m[1]), content: unescape(m[2]) }))
      .filter(t => t.a['fill-opacity'] === undefined)
      .map(t => ({ x: num(t.a.x), y: num(t.a.y), textLength: num(t.a.textLength), fill: t.a.fill ?? '', content: t.content }))
    const badge = { style, label, message, color, width: num(root.width), height: num(root.height), ariaLabel: root['aria-label'], rects, texts }
    if (keepSVG[i]) {
      badge.svgFile = `shields/${keepSVG[i]}-${style}.svg`
      writeFileSync(`${out}/${badge.svgFile}`, svg)
    }
    badges.push(badge)
  }
}

const widthTexts = [...new Set(pairs.flatMap(([l, m]) => [l, m, l.trim(), m.trim(), l.trim().toUpperCase(), m.trim().toUpperCase()]))]
  .concat(['m', '\u2026', 'W', 'iiiiiiiiii', 'Ā', '\u{1FAE8}', '\u{E007E}', '\u{E007F}', '\u{10FFFF}', '\uFFFD', '\u00ff'])
  .concat(extraWidthTexts)
const widths = widthTexts.map(text => ({
  text,
  verdana11: anafanafo(text, { font: '11px Verdana' }),
  verdana10: anafanafo(text, { font: '10px Verdana' }),
  verdana10Bold: anafanafo(text, { font: 'bold 10px Verdana' }),
}))

writeFileSync(`${out}/reference.json`, JSON.stringify({
  source: `badge-maker ${pkg('badge-maker')} and anafanafo ${pkg('anafanafo')} from npm, run on node ${process.versions.node}`,
  widths, badges,
}, null, 1) + '\n')
