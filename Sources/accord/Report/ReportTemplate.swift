/// The HTML report's Mustache template: one file, its CSS and SVG inline, no script and nothing fetched from elsewhere
/// (the Content-Security-Policy forbids it), so it opens the same on a machine without network. `{{…}}` escapes
/// every text for HTML; the template uses no unescaped `{{{…}}}`.
enum ReportTemplate {
    static let chart = """
        <svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{{width}}" height="{{height}}" \
        viewBox="0 0 {{width}} {{height}}" role="img">
        {{#months}}<line class="month" x1="{{x}}" y1="14" x2="{{x}}" y2="{{height}}"/>\
        <text class="month" x="{{x}}" y="11">{{name}}</text>
        {{/months}}
        {{#rows}}<text class="label" x="4" y="{{textY}}">{{label}}</text>
        {{#bars}}<rect class="bar {{kind}}" x="{{x}}" y="{{y}}" width="{{width}}" height="14" rx="3">\
        <title>{{title}}</title></rect>
        {{/bars}}
        {{#marks}}<circle class="mark" cx="{{x}}" cy="{{textY}}" r="4"><title>{{title}}</title></circle>
        {{/marks}}
        {{/rows}}
        {{#isEmpty}}<text class="none" x="{{plotX}}" y="36">nothing in this year</text>{{/isEmpty}}
        {{#dayLine}}<line class="day" x1="{{x}}" y1="14" x2="{{x}}" y2="{{height}}"><title>{{title}}</title></line>\
        {{/dayLine}}
        </svg>
        """

    static let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="accord {{version}}">
        <title>{{title}}</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 2em; color: #1d2733; background: #ffffff; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { border-bottom: 2px solid #0e47cb; padding-bottom: 0.2em; margin-top: 2em; }
        p.meta { color: #5a6470; margin-top: 0; }
        table { border-collapse: collapse; margin: 0.6em 0 1.4em; }
        th, td { border: 1px solid #c8ced6; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
        th { background: #eef1f5; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        svg.chart { display: block; margin: 0.4em 0 1em; background: #fafbfc; border: 1px solid #dde2e8; }
        svg text { font-size: 11px; fill: #1d2733; }
        svg text.month { fill: #5a6470; }
        svg text.none { fill: #5a6470; font-style: italic; }
        svg line.month { stroke: #dde2e8; }
        svg line.day { stroke: #d92c2c; stroke-dasharray: 3 2; }
        rect.secondment { fill: #0e47cb; }
        rect.grant { fill: #2a9d55; }
        rect.agreement { fill: #f0b323; }
        circle.mark { fill: #8a2be2; stroke: #ffffff; }
        .legend span { display: inline-block; width: 0.9em; height: 0.9em; margin: 0 0.3em 0 1em; border-radius: 2px; }
        ul.domains { margin: 0; padding-left: 1.1em; }
        </style>
        </head>
        <body>
        <h1>{{title}}</h1>
        <p class="meta">Statuses on {{day}}. Written by accord {{version}} from the ledger's read models.</p>
        <p class="legend"><span style="background:#0e47cb"></span>secondment<span style="background:#2a9d55"></span>\
        access grant<span style="background:#f0b323"></span>agreement<span style="background:#8a2be2"></span>domain \
        opened<span style="background:#d92c2c"></span>{{day}}</p>
        {{#sites}}
        <section class="site" id="site-{{siteID}}">
        <h2>{{name}} <small>({{siteID}}, {{institution}}, {{country}})</small></h2>
        <h3>Secondments and access grants in {{year}}</h3>
        <p>{{secondmentCount}}, {{grantCount}}.</p>
        {{#activity}}{{> chart}}{{/activity}}
        <h3>Agreements and their domains</h3>
        {{#agreementChart}}{{> chart}}{{/agreementChart}}
        {{#hasAgreements}}
        <table class="agreements">
        <tr><th>Agreement</th><th>Title</th><th>Kind</th><th>Status</th><th>Signed</th><th>Until</th>\
        <th>Domains (opened on)</th></tr>
        {{/hasAgreements}}
        {{#agreements}}
        <tr class="agreement-row"><td>{{agreementID}}</td><td>{{title}}</td><td>{{kind}}</td><td>{{status}}</td>\
        <td>{{signedOn}}</td><td>{{validUntil}}</td><td><ul class="domains">{{#domains}}<li>{{domain}} \
        ({{openedOn}})</li>{{/domains}}</ul></td></tr>
        {{/agreements}}
        {{#hasAgreements}}
        </table>
        {{/hasAgreements}}
        {{^agreements}}<p>No agreement has a secondment or grant at this site.</p>{{/agreements}}
        </section>
        {{/sites}}
        {{^sites}}<p>No site to report on.</p>{{/sites}}
        <section class="figures">
        <h2>Figures for {{year}} (the whole ledger)</h2>
        <h3>Activity by domain</h3>
        <table class="figures-domain">
        <tr><th>Domain</th><th>Secondments</th><th>Access grants</th><th>Meetings</th><th>Projects</th>\
        <th>Expertise</th></tr>
        {{#domainRows}}<tr class="figure-row">{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
        {{/domainRows}}
        </table>
        {{^domainRows}}<p>No activity with a domain in {{year}}.</p>{{/domainRows}}
        <h3>Mobility flows (secondments started)</h3>
        <table class="figures-flow">
        <tr><th>From</th><th>To</th><th>Secondments</th></tr>
        {{#flowRows}}<tr class="figure-row">{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
        {{/flowRows}}
        </table>
        {{^flowRows}}<p>No secondment started in {{year}}.</p>{{/flowRows}}
        <h3>Expertise by axis of the JRC mandate</h3>
        <table class="figures-axis">
        <tr><th>Axis</th><th>Expertise delivered</th></tr>
        {{#axisRows}}<tr class="figure-row">{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
        {{/axisRows}}
        </table>
        </section>
        </body>
        </html>

        """
}
