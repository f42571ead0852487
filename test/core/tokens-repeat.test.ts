import { tokenFindings } from '@secret-hygiene/core';
import { describe, expect, it } from 'vitest';

describe('token detector state', () => {
  it('scanning the same text again finds the same secrets (structural checks keep no state between scans)', () => {
    const value = Buffer.from('s3cr3t-p4ssw0rd-zq').toString('base64');
    const manifest = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${value}\n`;
    const first = tokenFindings('k8s.yaml', manifest);
    expect(first.map((f) => f.detector)).toContain('kubernetes-secret-manifest');
    expect(tokenFindings('k8s.yaml', manifest)).toEqual(first);
    expect(tokenFindings('other/k8s.yaml', manifest).map((f) => f.detector)).toEqual(first.map((f) => f.detector));
  });
});
