#!/usr/bin/env python3
"""Writes the initial seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/)
from samples/ and the test data. Run from the repository root; the committed
corpus is this output after fuzzing and `-merge=1` minimization (README
"Fuzzing and hostile inputs"), so rerunning it is only needed to start over."""
import glob, hashlib, json, os

ROOT = os.getcwd()
OUT = os.path.join(ROOT, 'tests/fuzz/corpus')
SLOTS = ['identity', 'boundary', 'session', 'resource', 'scp', 'rcp']


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, 'seed-' + hashlib.sha1(data).hexdigest()[:16]), 'wb') as f:
        f.write(data)


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def cases():
    for path in ['tests/conformance/cases.jsonl', 'samples/cases/classic-demo.jsonl']:
        for line in open(path):
            if line.startswith('{'):
                yield json.loads(line)


for path in sorted(glob.glob('samples/policies/*/*.json') + glob.glob('samples/exercises/*/solution.json')):
    put('policy', read(path))
for c in cases():
    for slot, policies in c.get('policies', {}).items():
        for p in policies if isinstance(policies, list) else [policies]:
            if isinstance(p, dict):
                text = json.dumps(p, separators=(',', ':'))
                put('policy', text)
                r = c['request']
                lines = [r.get('action', ''), r.get('resource', ''), r.get('principal', '')]
                for k, v in (r.get('context') or {}).items():
                    vs = v if isinstance(v, list) else [v]
                    lines.append(k + '=' + ','.join(str(x).lower() if isinstance(x, bool) else str(x) for x in vs))
                put('eval', text.encode() + b'\0' + bytes([SLOTS.index(slot) if slot in SLOTS else 0]) + '\n'.join(lines).encode())
for path in ['tests/conformance/cases.jsonl']:
    for line in open(path):
        if line.startswith('{'):
            put('cases', line)
put('cases', read('samples/cases/classic-demo.jsonl'))
arr = [c for c in cases()][:5]
put('cases', json.dumps(arr))
for path in glob.glob('samples/templates/*.yaml'):
    put('cfn_yaml', read(path))
put('cfn_yaml', """AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env: {Type: String, Default: dev}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: &trust
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: !Sub 'ec2.${AWS::URLSuffix}'}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: !Join ['-', [app, !Ref Env]]
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: !If [IsProd, Deny, Allow]
                Action: [s3:GetObject, 's3:Put*']
                Resource: !GetAtt Bucket.Arn
  Bucket:
    Type: AWS::S3::Bucket
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument: *trust
""")
for path in ['samples/templates/app-role.json']:
    put('json_template', read(path))
put('json_template', json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {
    "U": {"Type": "AWS::IAM::User", "Properties": {"ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
          "Policies": [{"PolicyName": {"Fn::Sub": "p-${AWS::Region}"}, "PolicyDocument": {"Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Action": "*", "Resource": {"Fn::If": ["C", "*", {"Ref": "AWS::NoValue"}]}}]}}]}},
    "K": {"Type": "AWS::IAM::AccessKey", "Properties": {"UserName": {"Ref": "U"}}},
    "G": {"Type": "AWS::IAM::Group", "Properties": {"Policies": []}},
    "M": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"Users": [{"Ref": "U"}], "PolicyDocument": "{\"Version\":\"2012-10-17\",\"Statement\":[]}"}}},
    "Conditions": {"C": {"Fn::Equals": ["a", "b"]}}}))
put('account', read('samples/accounts/story.json'))
put('account', json.dumps({"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::123456789012:user/u",
    "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D"}],
    "GroupList": ["g"], "AttachedManagedPolicies": [{"PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}]}],
    "GroupDetailList": [{"GroupName": "g", "GroupPolicyList": [], "AttachedManagedPolicies": []}],
    "RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::123456789012:role/r", "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []},
        "RolePolicyList": [], "AttachedManagedPolicies": [], "InstanceProfileList": [{"InstanceProfileName": "ip"}],
        "PermissionsBoundary": {"PermissionsBoundaryArn": "arn:aws:iam::123456789012:policy/b"}}],
    "Policies": [{"PolicyName": "b", "Arn": "arn:aws:iam::123456789012:policy/b", "DefaultVersionId": "v1",
        "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": True, "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}}]}]}))
for flag, pattern, text in [
        (0, 's3:Get*', 's3:GetObject'), (1, 'S3:GET*', 's3:getobject'), (0, '*a*a*a*b', 'aaaaaaaaaaaab'),
        (0, 'arn:aws:s3:::bucket/${aws:username}/*', 'arn:aws:s3:::bucket/alice/x'),
        (0, 'a?c', 'a\u00e9c'), (0, '?\u00e9*', '\u20ac\u00e9z'), (0, '\\*lit\\?*', '*lit?x'),
        (0, '*.example.com', 'www.example.com'), (0, '*ab?ab*b?a*', 'xxabqabyyybza'),
        (0, 'a' * 70 + '?' + 'b' * 70 + '*', 'a' * 70 + 'x' + 'b' * 70 + 'yy')]:
    put('wildcard', bytes([flag]) + pattern.encode() + b'\0' + text.encode())
