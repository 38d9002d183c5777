import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface SelfSignedCert {
  key: string;
  cert: string;
  /** the certificate as a PEM file: its own CA, for NODE_EXTRA_CA_CERTS in a child process */
  certFile: string;
  remove(): Promise<void>;
}

/**
 * A throwaway certificate for https://127.0.0.1 made with Debian's openssl CLI (subjectAltName IP:127.0.0.1, as
 * a client checks an IP host against the IP SANs), valid for 2 days. web-push speaks https only, so a local push
 * service needs one; whoever calls it trusts this certificate as a CA.
 */
export async function makeSelfSignedCert(openssl = '/usr/bin/openssl'): Promise<SelfSignedCert> {
  const dir = await mkdtemp(join(tmpdir(), 'shoploop-push-cert-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  // execFile, not a shell: no argument is ever interpreted.
  await promisify(execFile)(openssl, [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '2',
    '-subj', '/CN=Shoploop local push service', '-addext', 'subjectAltName=IP:127.0.0.1',
  ]);
  return {
    key: await readFile(keyFile, 'utf8'),
    cert: await readFile(certFile, 'utf8'),
    certFile,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
