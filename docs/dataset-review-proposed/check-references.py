#!/usr/bin/env python3
"""Checks that every reference in the proposed seed files resolves within the folder (run it from the folder:
`python3 check-references.py`). Needs PyYAML. Prints record counts, lesson bases and any dangling reference."""
import yaml, glob, sys, re
docs={}
for f in sorted(glob.glob('*.yaml')):
    docs[f]=yaml.safe_load(open(f))
data={}
for f,d in docs.items():
    for k,v in d.items(): data.setdefault(k,[]).extend(v)
src={s['slug'] for s in data['sources']}
dist={d['slug'] for d in data['districts']}
nets={n['slug'] for n in data['networks']}
orgs={o['slug'] for o in data['organizations']}
people={p['slug'] for p in data['people']}
themes={t['slug'] for t in data['themes']}
meetings={m['number'] for m in data['meetings']}
briefs={b['slug']:b for b in data['briefs']}
problems=[]
def walk(o,path):
    if isinstance(o,dict):
        for k,v in o.items():
            p=f'{path}.{k}'
            if k in ('source','leftSource','titleSource','publishedSource','catalogSource','fundingSource','declaredLessonCountSource','listedUnderSource','foundedSource','websiteUrlSource','activeFromSource','activeUntilSource','sizeSource','mediaTypeSource'):
                if v not in src: problems.append(f'{p}: unknown source {v}')
            elif k in ('descriptionSources','summarySources'):
                for x in v:
                    if x not in src: problems.append(f'{p}: unknown source {x}')
            elif k=='district' and v not in dist: problems.append(f'{p}: unknown district {v}')
            elif k=='network' and v not in nets: problems.append(f'{p}: unknown network {v}')
            elif k=='person' and v not in people: problems.append(f'{p}: unknown person {v}')
            elif k in ('organization','attributedTo','housedBy','coordinator','publisher','convener') and v not in orgs: problems.append(f'{p}: unknown organization {v}')
            elif k=='brief' and v not in briefs: problems.append(f'{p}: unknown brief {v}')
            elif k=='followsUpMeeting' and v not in meetings: problems.append(f'{p}: unknown meeting {v}')
            elif k=='themes':
                for t in v:
                    if t not in themes: problems.append(f'{p}: unknown theme {t}')
            elif k in ('from','to'):
                b,n=v.split('#'); 
                if b not in briefs or int(n)>len(briefs[b]['lessons']): problems.append(f'{p}: bad lesson ref {v}')
            elif k=='parent' and v not in themes: problems.append(f'{p}: unknown theme {v}')
            elif k=='basis' and v not in ('STATED','SUMMARIZED','EDITORIAL_INFERENCE'): problems.append(f'{p}: bad basis {v}')
            walk(v,p)
    elif isinstance(o,list):
        for i,x in enumerate(o): walk(x,f'{path}[{i}]')
for k,v in data.items(): walk(v,k)
print('collections:', {k:len(v) for k,v in data.items()})
print('lessons:', sum(len(b['lessons']) for b in data['briefs']))
from collections import Counter
print('basis:', Counter(l['basis'] for b in data['briefs'] for l in b['lessons']))
print('public-record sources:', sum(1 for s in data['sources'] if s['kind']=='PUBLIC_RECORD'))
print('problems:', len(problems)); [print(' ',p) for p in problems]
sys.exit(1 if problems else 0)
