/** The whole stylesheet: a calm reader layout that works without JavaScript. */
export const STYLESHEET = `
:root{--ink:#1d2329;--muted:#5b6670;--line:#e3e6e9;--accent:#b3261e;--bg:#fbfaf7;--card:#fff;--mark:#fff3c4;--font:Georgia,'Times New Roman',serif;--ui:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:17px/1.6 var(--ui)}
a{color:#17508a}
header.site{background:#14202b;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header.site a{color:#fff;text-decoration:none}
header.site .brand{font:700 1.25rem var(--font);letter-spacing:.02em}
header.site nav{display:flex;gap:1rem;flex:1}
header.site form{display:flex;gap:.3rem}
header.site input[type=search]{padding:.3rem .5rem;border-radius:4px;border:0;min-width:14rem;font:inherit;font-size:.9rem}
/* A phone: brand and sections on one row, search and account on the next. */
@media (max-width:40rem){header.site{gap:.4rem .8rem;padding:.5rem .8rem}header.site nav{gap:.8rem}header.site form[role=search]{flex:1 1 10rem}header.site input[type=search]{min-width:0;width:100%}}
main{max-width:72rem;margin:0 auto;padding:1.2rem;overflow-wrap:break-word}
.skip{position:absolute;left:-999px;top:.5rem;background:#fff;color:#17508a;padding:.4rem .8rem;border-radius:4px;z-index:1}
.skip:focus{left:.5rem}
main form[role=search],main form[action="/search"],main form.inline{display:flex;gap:.5rem;align-items:center;margin-bottom:.8rem}
/* A feed's address or a name without break points wraps instead of widening the page. */
.card h1,.card h2,.card h3,.meta a,.feeds a{overflow-wrap:anywhere}
.card > :first-child{margin-top:0}
.columns{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:2rem;align-items:start}
/* The article page: the discussion follows the article in its column, beside the panels; one column: article, panels, discussion. */
.article-columns{grid-template-areas:"reader panels" "discussion panels";grid-template-rows:auto 1fr}
.article-columns > .reader{grid-area:reader}
.article-columns > aside{grid-area:panels}
.article-columns > #replies{grid-area:discussion}
@media (max-width:60rem){.columns{grid-template-columns:minmax(0,1fr)}.article-columns{grid-template-areas:"reader" "panels" "discussion";grid-template-rows:auto}}
@media (max-width:40rem){.card{padding:.8rem}main{padding:.6rem}}
/* One column: the quotes panel scrolls within a screen's height instead of pushing the replies thousands of pixels down. */
@media (max-width:60rem){#who-said-what .quotes{max-height:70vh;overflow-y:auto;overscroll-behavior:contain;background:linear-gradient(#fff 30%,rgba(255,255,255,0)) top,linear-gradient(rgba(255,255,255,0),#fff 70%) bottom,radial-gradient(farthest-side at 50% 100%,rgba(0,0,0,.18),rgba(0,0,0,0)) bottom;background-repeat:no-repeat;background-size:100% 2.5rem,100% 2.5rem,100% .8rem;background-attachment:local,local,scroll}}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem 1.2rem;margin-bottom:1.2rem}
h1,h2,h3{font-family:var(--font);line-height:1.25}
.article-list,.feeds{list-style:none;padding:0;margin:0}
.article-list li{padding:.7rem 0;border-bottom:1px solid var(--line)}
.article-list .meta,.meta{color:var(--muted);font-size:.85rem}
.reader{font-family:var(--font);font-size:1.12rem}
.reader h1{font-size:2.1rem;margin:.2rem 0 .6rem}
.reader .dek{font-size:1.25rem;color:#3a444d;margin:0 0 1rem}
.reader h2{font-size:1.45rem;margin-top:2rem}
.reader figure{margin:1.2rem 0;padding:.4rem .8rem;border-left:3px solid var(--line)}
.reader figcaption{font:italic .95rem var(--ui);color:var(--muted)}
.reader blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--accent)}
mark.quote{background:var(--mark);padding:0 .1em}
mark.quote{scroll-margin-top:5rem}
mark.quote:target{outline:2px solid var(--accent);outline-offset:1px}
.reply{scroll-margin-top:2rem}
.quotes{list-style:none;padding:0;margin:0}
.quotes li{padding:.6rem 0;border-bottom:1px solid var(--line)}
.quotes q{font-family:var(--font)}
.quotes .cue{color:var(--muted);font-style:italic;margin-right:.3em}
/* A reported or partly quoted statement is a paraphrase: no quotation marks around the reporter's words. */
.quotes .indirect q{quotes:none;font-style:italic}
.quote-link{color:inherit;text-decoration:none}
.quote-link:hover q,.quote-link:focus q{text-decoration:underline}
.speaker{font-weight:600}
.role{color:var(--muted);font-size:.85rem}
.similar li{margin-bottom:.5rem}
ul.plain{list-style:none;padding:0;margin:0}
ul.plain li{padding:.25rem 0}
form.stack button{justify-self:start}
.actions{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}
button.danger{background:#fff;color:var(--accent);border:1px solid var(--accent)}
a.danger{color:var(--accent)}
.narrow{max-width:40rem}
header.site form button.link{margin-left:.6rem;font-size:.9rem;border-left:1px solid #5b6670;padding-left:.6rem;border-radius:0}
.badge{display:inline-block;font-size:.72rem;border-radius:3px;padding:0 .35rem;background:#e8eef5;color:#17508a;vertical-align:middle}
.badge.story{background:#fbe9e7;color:var(--accent)}
.badge.related{background:#f0f1f2;color:var(--muted)}
.replies{list-style:none;padding:0}
/* Hide, Edit, Delete and Answer on one line; an opened answer form takes the full width. */
.reply-actions{gap:.2rem 1rem}
.reply form.moderate{margin:0}
.reply-actions details[open]{flex-basis:100%}
.reply summary{cursor:pointer;padding:.35rem 0}
.replies .replies{margin-left:1.5rem;border-left:2px solid var(--line);padding-left:1rem}
.reply{margin:.8rem 0}
.reply .own-words.hidden{background:#f7f3ea;border-left:3px solid #d8c9a4;padding:.2rem .6rem}
.reply .withheld{font-style:italic;margin:.3rem 0}
.reply .body{white-space:pre-wrap}
form.stack{display:grid;gap:.6rem}
label{font-size:.9rem;color:var(--muted)}
input[type=text],input[type=url],input[type=password],main input[type=search],input[type=number],textarea{width:100%;padding:.5rem;border:1px solid #c9ced3;border-radius:5px;font:inherit}
textarea{min-height:8rem}
button{background:#17508a;color:#fff;border:0;border-radius:5px;padding:.5rem 1rem;font:inherit;cursor:pointer}
button.link{background:none;color:#17508a;padding:0;text-decoration:underline;font-size:.85rem}
.error{background:#fdecea;border:1px solid #f5c2bd;color:#7a1c14;padding:.6rem .8rem;border-radius:5px}
.notice{background:#eef6ee;border:1px solid #cfe3cf;padding:.6rem .8rem;border-radius:5px}
.notice.partial{background:#fdf6e3;border-color:#ecdcae}
.pager{margin-top:1rem}
table.accounts{border-collapse:collapse;width:100%}
table.accounts th{text-align:left;font-size:.85rem;color:var(--muted);font-weight:600;border-bottom:1px solid var(--line);padding:.3rem .5rem}
table.accounts td{padding:.4rem .5rem;border-bottom:1px solid var(--line)}
select{font:inherit;padding:.35rem .5rem;border:1px solid #c9ced3;border-radius:5px;background:#fff}
`

/** The site's icon: the brand's initial on the header's colour (the browser asks for /favicon.ico on every page). */
export const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#14202b"/><text x="16" y="23" font-family="Georgia,serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">n</text></svg>`
