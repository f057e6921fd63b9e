/**
 * The report's whole style sheet, inlined: no fonts, images or other files. Statuses differ in lightness and in
 * border style as well as in hue, so they read in grey-scale; the layout is one column that fits a phone.
 */
export const HTML_STYLE = `
:root{color-scheme:light;--fg:#1a1a1a;--muted:#555;--line:#c8c8c8;--bg:#fff;--soft:#f4f4f4;
--go:#0b5d1e;--go-bg:#e3f4e6;--nogo:#8b0000;--nogo-bg:#fbe4e4;--unv:#6b4a00;--unv-bg:#fff4d6;--waived:#3d3d8f;--waived-bg:#ececfb}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
main,header.top,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
a{color:#0645ad}
a:focus,summary:focus{outline:3px solid #1a73e8;outline-offset:2px}
h1{font-size:1.9rem;margin:.2rem 0}
h2{font-size:1.35rem;margin:2rem 0 .6rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.2rem 0 .4rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.4rem}
.verdict{margin:1rem 0;padding:1rem 1.2rem;border-radius:.5rem;border:4px solid}
.verdict p{margin:.2rem 0}
.verdict .word{font-size:2.6rem;font-weight:800;letter-spacing:.02em;line-height:1.1}
.verdict.GO{background:var(--go-bg);border-color:var(--go);color:var(--go)}
.verdict.NO-GO{background:var(--nogo);border-color:#3a0000;color:#fff;border-style:double;border-width:6px}
.verdict.NO-GO a{color:#fff}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:600}dl.facts dd{margin:0;overflow-wrap:anywhere}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;margin:.4rem 0}
caption{text-align:left;color:var(--muted);font-size:.9rem;padding:.2rem 0}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--soft)}
th[scope=row]{font-weight:600}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88rem}
code{overflow-wrap:anywhere}
pre{background:var(--soft);border:1px solid var(--line);padding:.6rem;overflow:auto;max-height:28rem;white-space:pre-wrap;overflow-wrap:anywhere}
.badge{display:inline-block;padding:0 .45rem;border-radius:.3rem;font-weight:700;white-space:nowrap;border:2px solid}
.s-pass{color:var(--go);background:var(--go-bg);border-color:transparent}
.s-fail{color:#fff;background:var(--nogo);border-color:#3a0000}
.s-unverified{color:var(--unv);background:var(--unv-bg);border-style:dashed;border-color:var(--unv)}
.s-waived{color:var(--waived);background:var(--waived-bg);border-style:dotted;border-color:var(--waived)}
.s-optional-not-run{color:var(--muted);background:var(--soft);border-color:transparent}
.finding{border-left:6px solid var(--nogo);background:var(--nogo-bg);padding:.5rem .8rem;margin:.6rem 0}
.finding.unverified{border-left-style:dashed;border-left-color:var(--unv);background:var(--unv-bg)}
.finding p{margin:.25rem 0}
.check{border:1px solid var(--line);border-radius:.4rem;padding:.5rem .8rem;margin:.6rem 0}
.check.fail{border-left:6px solid var(--nogo)}.check.unverified{border-left:6px dashed var(--unv)}
.muted{color:var(--muted)}
details{margin:.3rem 0}summary{cursor:pointer;font-weight:600}
.strip td{text-align:center;padding:.2rem;min-width:2rem}
.strip th[scope=col]{font-size:.75rem;font-weight:400;white-space:nowrap}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{color:var(--muted);font-size:.85rem;margin:2rem auto}
@media (max-width:40rem){body{font-size:15px}.verdict .word{font-size:2rem}dl.facts{grid-template-columns:1fr}dl.facts dt{margin-top:.3rem}
 th,td{padding:.3rem}h1{font-size:1.5rem}}
@media print{.verdict.NO-GO{background:#fff;color:#000;border-color:#000}.s-fail{background:#000}}
`
