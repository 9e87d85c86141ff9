#!/usr/bin/env python3
"""One-time bootstrap generator for ata-core's P-value catalog.

usage: generate_catalog.py <shared-spec-dir> <output catalog.tsv>

Inputs: the vendor-template indexes for HT502/HT813, the HT802 firmware rules, the port maps,
the reboot list of INTERFACES.md 1.1 and the hand-reviewed overrides.tsv next to this script.
The generated TSV is the source of truth afterwards; fix data there (or here, then re-run).
"""
import itertools
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = {'HT502': 'pvalues-ht502-1.0.16.2.tsv', 'HT813': 'pvalues-ht813-1.0.9.1.tsv'}
PORTMAPS = {'HT502': 'portmap-ht502-fxs1-fxs2.tsv', 'HT813': 'portmap-ht813-fxs-fxo.tsv'}
RULES = 'ht802-fw1.0.10.6-pvalue-rules.tsv'
COLUMNS = ['p', 'models', 'port', 'page', 'level', 'type', 'default', 'constraint',
           'maxlen', 'charset', 'reboot', 'label', 'reset']
TYPES = {'int', 'enum', 'string', 'password', 'ipv4', 'host', 'tone', 'cadence', 'digits', 'hex'}
INT_FALLBACK = '0..2147483647'
TONES = {4000, 4001, 4002, 4003, 4004, 4005, 4041, 841}
CADENCES = {4040} | set(range(4010, 4020)) | set(range(4030, 4040))
PASSWORDS = {2, 196, 28113, 34, 734, 83, 1359, 1361, 4505, 4512}
# Same number, different meaning on the HT813 FXO port (INTERFACES 1.1 / 1.5): never merged.
DISTINCT_MEANING = {292, 864, 893}
# Template example values that a factory-reset unit does not carry (INTERFACES 1.1).
PLACEHOLDERS = {'sip.mycompany.com', 'proxy.mycompany.com', 'stun.mycompany.com'}
# The partial factory resets (FEATURES RST-05): "ISP Data" restores the Basic Settings page's
# network and access settings; "VOIP Data" the service-provider data: every account/port setting
# plus provisioning, firmware upgrade and TR-069 management.
PROVIDER_DATA = {145, 192, 193, 194, 212, 232, 233, 234, 235, 237, 238, 240, 242, 285, 286, 1359, 1360,
                 1361, 1409, 1414, 4428, 4503, 4504, 4505, 4506, 4507, 4511, 4512, 4518, 8220, 8221,
                 8458, 8459, 20713, 22030, 22296}
HEX_CHARSET, DIGIT_CHARSET = '48..57;65..70;97..102', '35..35;42..42;48..57'
TYPOS = [('Blackllist', 'Blacklist'), ('Conncetion', 'Connection'), ('Privisioning', 'Provisioning'),
         ('RAIUS', 'RADIUS'), ('mininum', 'minimum'), ('Ephemeral Prot', 'Ephemeral Port'),
         ('Week TLS', 'Weak TLS'), ('Defaut', 'Default')]

# A numeric spec such as "Number: 0, 2 to 11"; "Max Character Number: 64" is a length, not a spec.
SPEC_RE = re.compile(r'(?<!character )(?<!string )\b(?:number|nmuber|range)\b\s*:?\s*(.*)$', re.I)
SPEC_RANGE_RE = re.compile(r'\b(?:number|nmuber|range)\s*:?\s*-?\d+\s*(?:to|-|~)\s*-?\d+', re.I)
# A code followed by its meaning ("0 - No", "2 = Enabled and forced"); see find_code().
CODE_RE = re.compile(r'(?<![\w.])(-?\d+)(\s*)[-\u2013=](\s*)(?=\S)')
VALUE_RE = re.compile(r'<value=\s*(-?\d+)\s*>\s*([^|<]*)')
FRAGMENT_RE = re.compile(r'(Choice \d+|Priority \d+|minimum|maximum|RX|TX)')
IPV4_RE = re.compile(r'^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$')
SHAPES = {'ipv4': IPV4_RE,
          'host': re.compile(r'^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?(/[!-~]*)?$'),
          'tone': re.compile(r'^(f\d=\d+@-?\d+,)*f\d=\d+@-?\d+(,c=\d+/\d+(-\d+/\d+)*)?;$'),
          'cadence': re.compile(r'^c=\d+/\d+(-\d+/\d+)*;$'),
          'hex': re.compile(r'^[0-9A-Fa-f]+$'), 'digits': re.compile(r'^[0-9*#A-Da-d+x]+$')}


def fail(msg):
    sys.exit('generate_catalog: ERROR: ' + msg)


def read_tsv(path, width):
    with open(path, encoding='utf-8') as f:
        return [(line.rstrip('\n').split('\t') + [''] * width)[:width]
                for line in f if line.strip() and not line.startswith('#')]


def pnum(s):
    return int(s.strip()[1:]) if re.fullmatch(r'P\d+', s.strip()) else None


def load_inputs(spec):
    pv = os.path.join(spec, 'pvalues')
    entries = {m: [dict(section=c[0].strip(), p=pnum(c[1]), raw_default=c[2], label=c[3].strip(),
                        enc=c[4].strip()) for c in read_tsv(os.path.join(pv, f), 5)]
               for m, f in TEMPLATES.items()}
    rules = {pnum(c[0]): dict(category=c[2], min=c[3], max=c[4], maxlen=c[5], ranges=c[6], reboot=c[7])
             for c in read_tsv(os.path.join(pv, RULES), 9) if pnum(c[0]) is not None}
    portmaps = {m: {pnum(c[1]): pnum(c[0]) for c in read_tsv(os.path.join(pv, f), 2)
                    if pnum(c[0]) is not None and pnum(c[1]) is not None} for m, f in PORTMAPS.items()}
    # The reboot-required list of INTERFACES.md 1.1 ("P8–P28, P51, ... and others").
    with open(os.path.join(spec, 'INTERFACES.md'), encoding='utf-8') as f:
        line = next((l for l in f if 'Reboot-required P-values' in l), None)
    if line is None:
        fail('INTERFACES.md: reboot-required list not found')
    reboot = set()
    for lo, hi in re.findall(r'P(\d+)(?:\s*[\u2013-]\s*P(\d+))?', line.split(' and others')[0]):
        reboot.update(range(int(lo), int(hi or lo) + 1))
    return entries, rules, portmaps, reboot


def load_overrides(path, present):
    """(model, p) -> {field: value}; '*' means every model whose template has the P."""
    ov, lines = {}, read_tsv(path, 5)
    for n, (model, ps, field, value, _reason) in enumerate(lines, 1):
        if model not in ('*',) + tuple(TEMPLATES) or field not in COLUMNS[2:] \
                or not re.fullmatch(r'\d+(-\d+)?', ps):
            fail('overrides.tsv row %d: bad model, p or field' % n)
        lo, _, hi = ps.partition('-')
        for p in range(int(lo), int(hi or lo) + 1):
            targets = [m for m in TEMPLATES if p in present[m]] if model == '*' else [model]
            if not targets or any(p not in present[m] for m in targets):
                fail('overrides.tsv row %d: P%d is not in the %s template' % (n, p, model))
            for m in targets:
                ov.setdefault((m, p), {})[field] = value
    return ov, len(lines)


def parse_spec(enc):
    """(pieces, present) of the first numeric spec: pieces = [(lo, hi), ...]."""
    for seg in enc.split('|'):
        m = SPEC_RE.search(seg.strip())
        if not m:
            continue
        pieces, text = [], m.group(1).strip()
        for part in re.split(r',|\bor\b', text):
            r = re.match(r'\s*(-?\d+)\s*(?:to|-|~)\s*(-?\d+)', part) or re.match(r'\s*(-?\d+)()\b', part)
            if part.strip() and not r:
                break
            if r:
                pieces.append((int(r.group(1)), int(r.group(2) or r.group(1))))
        if pieces or not text:  # a bare "Number" is an int of unknown range
            return pieces, True
    return [], False


def find_code(text):
    """First "N - meaning" as (start, code, meaning). An unspaced "N-word" only counts right
    after punctuation: "Ring Thru FXS. 0-No" is a code, "Bellcore Style 3-Way" is not."""
    for m in CODE_RE.finditer(text):
        before = text[:m.start()].rstrip()
        if m.group(2) or m.group(3) or not before or before[-1] in '.,:;(|':
            return m.start(), int(m.group(1)), text[m.end():]
    return None


def clean_code_label(s):
    s = re.sub(r'\(default\)|\s+default$', '', s.strip(), flags=re.I)
    s = re.split(r'[.,]\s*default\b', s, flags=re.I)[0]
    s = re.sub(r'(\w)- (\w)', r'\1-\2', re.split(r'\.\s', s)[0].strip().rstrip(' .,;:'))
    if len(s) > 40:  # a long trailing parenthesis explains the option, it does not name it
        s = re.sub(r'\s*\([^)]*\)?$', '', s)
    return ' '.join(s.split()).replace('=', ' ').replace('|', '/')


def parse_code_labels(text, reversed_ok):
    """code -> name from '<value=0> X', '0 - X, 1 - Y' or (if reversed_ok) 'X = 0' text."""
    out = {int(m.group(1)): m.group(2) for m in VALUE_RE.finditer(text)}
    for line in ([] if out else SPEC_RANGE_RE.sub('', text).split('|')):
        last = None
        for seg in line.split(','):
            m = find_code(seg)
            if m:
                last, out[m[1]] = m[1], m[2]
            elif last is not None:  # "1 - Yes, daily at hour": that comma is inside the name
                out[last] += ',' + seg
        for seg in (line.split(',') if reversed_ok and not out else []):
            m = re.fullmatch(r'\s*([A-Za-z][\w .-]*?)\s*=\s*(\d+)\s*\.?\s*', seg)
            if m:
                out[int(m.group(2))] = m.group(1).replace('_', ' ')
    raw = {k: clean_code_label(v) for k, v in out.items()}
    short = {k: v[:3].strip(' (.,').capitalize() if re.match(r'(yes|no)\b\s*(?=[(.,]|$)', v, re.I) else v
             for k, v in raw.items()}
    # "Yes (caller ID blocked)" -> "Yes", unless that makes two options look the same.
    return short if len(set(short.values())) == len(short) else raw


def parse_enum(constraint):
    return {int(k): v for k, v in (kv.split('=', 1) for kv in constraint.split('|'))}


def ascii_ranges(spec_ranges):
    """Firmware allowed_ranges hold char literals ('a..z;*..*') or ASCII codes ('33..126')."""
    if not spec_ranges or spec_ranges == '00..127':  # 00..127 = anything
        return ''
    items = spec_ranges.split(';')
    literal = not all(re.fullmatch(r'\d+\.\.\d+', r) for r in items)
    out = []
    for r in items:
        if literal and (len(r) != 4 or r[1:3] != '..'):
            fail('unexpected allowed_ranges item %r' % r)
        a, b = (ord(r[0]), ord(r[3])) if literal else map(int, r.split('..'))
        out.append('%d..%d' % (a, min(b, 126) if a >= 32 else b))  # 127 is DEL, not printable
    return ';'.join(out)


def maxlen_from_text(text):
    m = re.search(r'max(?:imum)? length(?: allowed)?(?: is)?\s*:?\s*(\d+)|maximum (\d+) digits|'
                  r'max (?:character|string) (?:number|nmuber|length)\s*[:=]?\s*(\d+)', text, re.I)
    return int(next(g for g in m.groups() if g)) if m else None


def clean_label(label):
    """Template label minus the value explanation, e.g. 'Account Active. 0 - No, 1 - Yes.'."""
    s = label
    for a, b in TYPOS:
        s = s.replace(a, b)
    m = find_code(s)
    s = s[:m[0]] if m else s
    s = re.sub(r'\s*\([^()]*(default|between|range|in (seconds|minutes)|\d)[^()]*\)?', '', s, flags=re.I)
    s = re.sub(r'\s*\([^()]{30,}\)?', '', s)
    s = re.split(r'\.\s+(?=default|allowed|between|will|in |if |need|ignore|defines|p\d|max|only|the |'
                 r'allow users|cannot|offset|unit|used|range|\d+\s)|, (?:in seconds|allowed range|unit is)',
                 s, flags=re.I)[0]
    s = re.sub(r'\s*\([^)]*$', '', s).strip().rstrip(' .:,')
    return ' '.join(s.replace('. ', ': ').split())


def unit_of(text):
    units = (('millisecond', 'ms'), (r'\bin seconds\b', 'seconds'), (r'\bin minutes\b', 'minutes'),
             ('in units of hours', 'hours'))
    return next((unit for pat, unit in units if re.search(pat, text, re.I)), None)


def place(section):
    for prefix, where in (('Basic', ('global', 'BASIC')), ('Advanced', ('global', 'ADVANCED')),
                          ('FXS PORT 1', ('1', 'PORT1')), ('FXS PORT Settings', ('1', 'PORT1')),
                          ('FXS PORT 2', ('2', 'PORT2')), ('FXO PORT', ('2', 'PORT2'))):
        if section.startswith(prefix):
            return where
    fail('unknown template section %r' % section)


def guess_type(p, label, enc, default, rule):
    if p in TONES or p in CADENCES:
        return 'tone' if p in TONES else 'cadence'
    if p == 64:  # time zone: a closed list of POSIX TZ strings, kept as a string
        return 'string'
    if parse_spec(enc)[1]:
        return 'enum'  # numbers; derive() decides enum vs int
    if 'hex' in (label + enc).lower():
        return 'hex'
    if p in PASSWORDS or re.search(r'password|\bkeys?\b|secret', clean_label(label), re.I):
        return 'password'
    if re.search(r'server address', enc, re.I) or re.search(r'server path', label, re.I) \
            or rule.get('category') == 'serveraddress':
        return 'host'
    if re.fullmatch(r'ip ?address', enc, re.I) or IPV4_RE.match(default) \
            or rule.get('category') in ('ipaddress', 'netmask'):
        return 'ipv4'
    if re.search(r'string:\s*0\s*(?:-|to)\s*9, \*, #\s*(?:\||$)', enc, re.I):
        return 'digits'
    return 'string'


def derive(e, rule, reboot_list, typ, prev_enum, head):
    """All catalog fields of one template entry, before field overrides."""
    p, label, enc = e['p'], e['label'], e['enc']
    port, page = place(e['section'])
    default = re.sub(r'\s*\(FXS\d\)$', '', e['raw_default'].strip().lstrip('#').strip())
    if default in PLACEHOLDERS:
        default = ''
    if 9 <= p <= 28:  # static IP/mask/router/DNS octets: the template shows an example
        default = '0'
    if 150 <= p <= 181 and not 158 <= p <= 165:
        default = default or '0'  # unused port-forwarding rule: HT813 prints 0, HT502 nothing
    pieces, _ = parse_spec(enc)
    discrete = bool(pieces) and all(lo == hi for lo, hi in pieces)
    labels = parse_code_labels(label, discrete)
    labels.update(parse_code_labels(enc, discrete))
    typ = typ or guess_type(p, label, enc, default, rule)
    row = dict(port=port, page=page, type=typ, default=default, constraint='', maxlen='', charset='')
    if typ in ('enum', 'int'):
        codes = {c for lo, hi in pieces if hi - lo <= 64 for c in range(lo, hi + 1)}
        # "Choice 2." after "Choice 1.": an unnamed code set equal to the previous enum's
        # in the same section borrows its names.
        inherit = not labels and prev_enum and codes == set(prev_enum) and codes != {0, 1}
        if inherit:
            labels = dict(prev_enum)
        named = {k for k in labels if any(lo <= k <= hi for lo, hi in pieces)}
        if typ == 'enum' and not discrete and len(named) < 3 and not inherit:
            typ = 'int'  # a range such as "1-3600" unless its codes are named
        if typ == 'enum' and not labels and len(codes) > 2 and codes == set(range(min(codes), max(codes) + 1)):
            typ = 'int'  # "Number: 1, 2, 3, 4" without names is just a small range
        if typ == 'int':
            if pieces:
                row['constraint'] = '%d..%d' % (min(a for a, _ in pieces), max(b for _, b in pieces))
            else:
                row['constraint'] = rule['min'] + '..' + rule['max'] if rule.get('max') else INT_FALLBACK
        else:
            allc = codes | set(labels)
            names = {0: 'No', 1: 'Yes'} if allc == {0, 1} and set(labels) != {0, 1} else labels
            row['constraint'] = '|'.join('%d=%s' % (k, names.get(k) or k) for k in sorted(allc))
            if default and not re.fullmatch(r'-?\d+', default):
                # "P21899 = Version 2c": the template printed the option's name, not its code.
                row['default'] = next((str(k) for k, v in names.items() if v.lower() == default.lower()), default)
        row['type'] = typ
    else:
        m = re.search(r'between ascii values (\d+) and (\d+)', enc, re.I)
        row['charset'] = ('%s..%s' % m.groups()) if m else ascii_ranges(rule.get('ranges', ''))
        row['charset'] = HEX_CHARSET if typ == 'hex' else row['charset'] or (DIGIT_CHARSET if typ == 'digits' else '')
        ml = maxlen_from_text(enc) or maxlen_from_text(label) or int(rule.get('maxlen') or 0)
        row['maxlen'] = str(15 if typ == 'ipv4' else ml or (512 if typ in ('tone', 'cadence') else 256))
    row['reboot'] = '1' if (rule.get('reboot') == '1' or p in reboot_list or
                            re.search(r'reboot required|need to reboot', label + enc, re.I)) else '0'
    # Complete fragments ("Choice 2.", "maximum", "RX") from the section's last head row.
    unit, base = unit_of(label), clean_label(label)
    frag = next((m.group(1) for s in enc.split('|') if not SPEC_RE.search(s)
                 for m in [re.fullmatch(r'\s*(?:.*\s)?' + FRAGMENT_RE.pattern + r'\.?\s*', s)] if m), None)
    if FRAGMENT_RE.fullmatch(base) or base.startswith('Choice '):
        if head.get('base'):
            unit = unit or head['unit']
            base = head['base'] + ' ' + base[0].upper() + base[1:]
    elif frag:
        head.update(base=base, unit=unit)
        base += ' ' + frag[0].upper() + frag[1:]
    if unit and unit not in base:
        base += ' (%s)' % unit
    if 150 <= p <= 181:  # eight port-forwarding rules, one block of P-values per field
        base = 'Port Forwarding Rule %d %s' % ((p - 150) % 8 + 1, base)
    row['label'] = base
    return row


def number_runs(rows):
    """Consecutive rows sharing one label (IP octets, MAC bytes, blacklist slots) get numbered."""
    for _, run in itertools.groupby(rows, key=lambda r: r['label']):
        run = list(run)
        for n, row in enumerate(run if len(run) > 1 else [], 1):
            row['label'] += {'int': ' Octet ', 'hex': ' Byte '}.get(row['type'], ' ') + str(n)


def check_row(row):
    """None if the row is consistent and its default valid against its own rules, else why not."""
    typ, d, c = row['type'], row['default'], row['constraint']
    if any(re.search(r'[\t\n\r]', row[k]) for k in COLUMNS[2:]):
        return 'tab/newline in a field'
    if typ not in TYPES or not row['label'] or row['reboot'] not in ('0', '1'):
        return 'bad type/label/reboot'
    if (row['port'], row['page'], row['level']) not in (('global', 'BASIC', 'user'), ('global', 'ADVANCED', 'admin'),
                                                        ('1', 'PORT1', 'admin'), ('2', 'PORT2', 'admin')):
        return 'port/page/level mismatch'
    if typ in ('int', 'enum'):
        if row['maxlen'] or row['charset'] or not re.fullmatch(r'-?\d+', d):
            return 'number with maxlen/charset or a non-integer default'
        if typ == 'int':
            m = re.fullmatch(r'(-?\d+)\.\.(-?\d+)', c)
            ok = m and int(m.group(1)) <= int(d) <= int(m.group(2))
        else:
            ok = re.fullmatch(r'-?\d+=[^|=]+(\|-?\d+=[^|=]+)*', c) and int(d) in parse_enum(c)
        return None if ok else 'default outside its constraint (or bad constraint syntax)'
    if c or not row['maxlen'].isdigit() or len(d) > int(row['maxlen']):
        return 'string with a constraint, bad maxlen or default longer than maxlen'
    if row['charset'] and not re.fullmatch(r'\d+\.\.\d+(;\d+\.\.\d+)*', row['charset']):
        return 'bad charset syntax'
    ranges = [tuple(map(int, r.split('..'))) for r in row['charset'].split(';') if r]
    if any(ord(ch) < 32 or ord(ch) == 127 or (ranges and not any(a <= ord(ch) <= b for a, b in ranges))
           for ch in d):
        return 'default has a character outside the charset'
    if d and typ in SHAPES and not SHAPES[typ].match(d):
        return 'default does not look like a ' + typ
    return None


def reset_group(row):
    if row['port'] != 'global' or int(row['p']) in PROVIDER_DATA:
        return 'voip'
    return 'isp' if row['page'] == 'BASIC' and row['type'] != 'password' else ''


def same_definition(a, b):
    """Equal except for label wording; enum names compare case/punctuation-insensitively."""
    def norm(row):
        c = row['constraint']
        if row['type'] == 'enum':
            c = [(k, re.sub(r'[^a-z0-9]', '', v.lower())) for k, v in sorted(parse_enum(c).items())]
        return [row[k] for k in COLUMNS[2:7] + COLUMNS[8:11]] + [c]
    return norm(a) == norm(b)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    entries, rules, portmaps, reboot_list = load_inputs(sys.argv[1])
    ov, n_overrides = load_overrides(os.path.join(HERE, 'overrides.tsv'),
                                     {m: {e['p'] for e in entries[m]} for m in TEMPLATES})
    rows, errors = {}, []
    for model in TEMPLATES:
        rows[model], prev_enum, head, portmap = {}, {}, {}, portmaps[model]
        for e in entries[model]:
            p, sec = e['p'], e['section']
            if p is None or p in rows[model]:
                fail('%s template: bad or duplicate P-value %r' % (model, p))
            # Port-2 numbers the HT802 rules lack inherit the port-1 number's rule.
            rule = rules.get(p) or rules.get(portmap.get(p), {})
            row = derive(e, rule, reboot_list, ov.get((model, p), {}).get('type'),
                         prev_enum.get(sec), head.setdefault(sec, {}))
            if row['type'] == 'enum':
                prev_enum[sec] = parse_enum(row['constraint'])
            if not row['label'] and p in portmap:
                row['label'] = rows[model][portmap[p]]['label']
            rows[model][p] = dict(row, p=str(p))
        number_runs(list(rows[model].values()))
        for p, row in rows[model].items():
            row.update(ov.get((model, p), {}))
            row.setdefault('level', 'user' if row['page'] == 'BASIC' else 'admin')
            row.setdefault('reset', reset_group(row))
            why = check_row(row)
            if why:
                errors.append('%s P%d: %s\n    %r' % (model, p, why, row))
    if errors:
        fail('%d invalid rows:\n%s' % (len(errors), '\n'.join(errors)))
    out = []
    for p in sorted(set(rows['HT502']) | set(rows['HT813'])):
        a, b = rows['HT502'].get(p), rows['HT813'].get(p)
        if a and b and p not in DISTINCT_MEANING and same_definition(a, b):
            out.append(dict(b, models='HT502,HT813'))  # HT813 wording is as clear or clearer
        else:
            out += [dict(r, models=m) for m, r in (('HT502', a), ('HT813', b)) if r]
    count = {m: sum(m in r['models'].split(',') for r in out) for m in TEMPLATES}
    for m in TEMPLATES:
        if count[m] != len(entries[m]):
            fail('%s: catalog has %d P-values, template has %d' % (m, count[m], len(entries[m])))
    with open(sys.argv[2], 'w', encoding='utf-8', newline='\n') as f:
        f.write('# ATA emulator P-value catalog: one row per P-value meaning (bootstrapped by '
                'tools/catalog/generate_catalog.py)\n# sources: Grandstream config templates HT502 '
                '1.0.16.2 and HT813 1.0.9.1 (wazo-provd-plugins@36197dbd), HT802 fw 1.0.10.6 '
                'pvalues.xml rules, INTERFACES.md 1.1-1.7, tools/catalog/overrides.tsv\n'
                '# types: int (constraint min..max), enum (code=Label|...), string, password, ipv4, '
                'host, tone, cadence, digits, hex; charset: ASCII ranges lo..hi;... (empty = any printable)\n'
                '# columns: ' + '\t'.join(COLUMNS) + '\n')
        f.writelines('\t'.join(r[k] for k in COLUMNS) + '\n' for r in out)
    shared = sum(r['models'] == 'HT502,HT813' for r in out)
    print('generate_catalog: %d rows: %d shared, %d HT502-only, %d HT813-only; P-values per model %s; '
          '%d override lines' % (len(out), shared, sum(r['models'] == 'HT502' for r in out),
                                 sum(r['models'] == 'HT813' for r in out), count, n_overrides))


if __name__ == '__main__':
    main()
