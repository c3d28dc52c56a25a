import re, sys
# Writes apiserver/src/main/resources/kubetutor/apiserver/wire.txt from the Go sources of the API types (types.go of
# k8s.io/api and k8s.io/apimachinery at the release served), passed as arguments:
#   python3 wire-table.py meta/v1/types.go core/v1/types.go apps/v1/types.go ... > wire.txt
# Reads Go API types (struct fields with their json and protobuf tags) and writes the wire table
# kubetutor's protobuf decoder reads: facts of the wire format (field numbers, names, kinds), no code.
files = sys.argv[1:]
structs = {}   # name -> list of (num, jsonname, gotype, omitempty, rep)
aliases = {}
for f in files:
    src = open(f).read()
    for m in re.finditer(r'^type (\w+) (\S[^\n{]*)$', src, re.M):
        name, base = m.group(1), m.group(2).strip()
        if base != 'struct {' and not base.startswith('struct'):
            aliases.setdefault(name, base)
    for m in re.finditer(r'^type (\w+) struct \{\n(.*?)^\}', src, re.M | re.S):
        name, body = m.group(1), m.group(2)
        fields = []
        for line in body.split('\n'):
            line = line.strip()
            t = re.match(r'(\w+)\s+(\S+)\s+`(.*)`', line)
            if not t:
                e = re.match(r'(\S+)\s+`(.*)`', line)
                if not e: continue
                t = re.match(r'(\S+) (\S+) `(.*)`', 'embedded ' + e.group(1) + ' `' + e.group(2) + '`')
            tags = t.group(3)
            pb = re.search(r'protobuf:"([^"]*)"', tags)
            js = re.search(r'json:"([^"]*)"', tags)
            if not pb or not js: continue
            parts = pb.group(1).split(',')
            num = int(parts[1]); rep = parts[2] == 'rep'
            jparts = js.group(1).split(',')
            fields.append((num, jparts[0], t.group(2), 'omitempty' in jparts, rep, parts[0]))
        if fields:
            structs.setdefault(name, fields)
SPECIAL = {'metav1.Time': 'time', 'Time': 'time', '*metav1.Time': 'time', 'metav1.MicroTime': 'microtime',
           'MicroTime': 'microtime', 'metav1.Duration': 'duration', 'Duration': 'duration',
           'intstr.IntOrString': 'intorstring', 'resource.Quantity': 'quantity', 'runtime.RawExtension': 'raw',
           'FieldsV1': 'raw', 'metav1.FieldsV1': 'raw', 'types.UID': 'string', 'types.NamespacedName': 'string'}
def resolve(t, depth=0):
    ptr = t.startswith('*')
    t = t.lstrip('*')
    if t in SPECIAL: return ('special', SPECIAL[t], ptr)
    if t.startswith('[]byte'): return ('bytes', None, ptr)
    if t.startswith('[]'):
        inner = resolve(t[2:], depth+1)
        return ('list', inner, ptr)
    if t.startswith('map['):
        k, v = re.match(r'map\[([^\]]+)\](.*)', t).groups()
        return ('map', resolve(v, depth+1), ptr)
    short = t.split('.')[-1]
    if t in ('string',): return ('string', None, ptr)
    if t in ('bool',): return ('bool', None, ptr)
    if t in ('int32', 'int64', 'int', 'uint32', 'uint64', 'int16'): return ('int', None, ptr)
    if t in ('float64', 'float32'): return ('float', None, ptr)
    if short in structs and short not in aliases: return ('msg', short, ptr)
    if short in aliases and depth < 5:
        r = resolve(aliases[short], depth+1)
        return (r[0], r[1], ptr or r[2])
    if short in structs: return ('msg', short, ptr)
    return ('unknown', t, ptr)
def kind(r):
    k, inner, ptr = r
    if k == 'special': return inner
    if k == 'msg': return 'msg:' + inner
    if k == 'list': return 'list:' + kind(inner)
    if k == 'map': return 'map:' + kind(inner)
    return k
out = []
for name in sorted(structs):
    out.append('message ' + name)
    for num, jname, gotype, omit, rep, wire in sorted(structs[name]):
        r = resolve(gotype)
        flags = ('ptr' if r[2] else '') + (' omit' if omit else '')
        out.append('%d %s %s %s' % (num, jname, kind(r), flags.strip() or '-'))
print('\n'.join(out))
unknown = [l for l in out if 'unknown' in l]
print('\n'.join(unknown), file=sys.stderr)
