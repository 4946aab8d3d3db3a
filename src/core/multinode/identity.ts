import { deviceKey, type ExpectedDevice, type WorkerRole } from './contract.js';
import { multinodeKind } from '../topology.js';
import type { ObservedDevice } from './samples.js';

/** Identity checks: every expected device observed, none extra, one UUID per device and per GPU. */
export function checkDeviceIdentity(
  expected: ExpectedDevice[],
  observed: ObservedDevice[],
): { reasons: string[]; roles: Map<string, WorkerRole> } {
  const reasons: string[] = [];
  const expectedKeys = new Set(expected.map((d) => deviceKey(d.hostname, d.gpuIndex)));
  const observedKeys = new Set(observed.map((d) => deviceKey(d.hostname, d.gpuIndex)));
  if (expectedKeys.size === 0 || [...expectedKeys].some((k) => !observedKeys.has(k)))
    reasons.push('expected_device_missing');
  if ([...observedKeys].some((k) => !expectedKeys.has(k))) reasons.push('unexpected_device');
  const uuids = observed.map((d) => d.uuids[0]);
  if (observed.some((d) => d.uuids.length !== 1) || new Set(uuids).size !== uuids.length)
    reasons.push('gpu_uuid_changed');
  const roles = new Map<string, WorkerRole>();
  let roleConflict = false;
  for (const device of expected) {
    const distinct = new Set(device.roles);
    if (distinct.size !== 1) roleConflict = true;
    else roles.set(deviceKey(device.hostname, device.gpuIndex), device.roles[0] as WorkerRole);
  }
  if (roleConflict) {
    reasons.push('conflicting_worker_roles');
    roles.clear();
  }
  if (!hetGroupsByHost(expected).ok) reasons.push('conflicting_het_groups');
  return { reasons, roles };
}

function hetGroupsByHost(expected: ExpectedDevice[]): { ok: boolean; groups: Map<string, number | null> } {
  const groups = new Map<string, number | null>();
  for (const device of expected) {
    const distinct = new Set(device.hetGroups);
    if (distinct.size !== 1) return { ok: false, groups };
    const group = device.hetGroups[0] as number | null;
    if (groups.has(device.hostname) && groups.get(device.hostname) !== group) return { ok: false, groups };
    groups.set(device.hostname, group);
  }
  return { ok: true, groups };
}

/**
 * Role counts must equal the job's own GPU counts, and with heterogeneous Slurm jobs each role
 * must sit in its own het group. A deployment where every group is null is one plain job.
 */
export function checkRoleTopology(
  expected: ExpectedDevice[],
  roles: Map<string, WorkerRole>,
  expectedRoles: Map<WorkerRole, number>,
): string[] {
  const failures: string[] = [];
  const counts = new Map<WorkerRole, number>();
  for (const role of roles.values()) counts.set(role, (counts.get(role) ?? 0) + 1);
  const found = [...counts.keys()].sort();
  const wanted = [...expectedRoles.keys()].sort();
  if (found.join(',') !== wanted.join(','))
    failures.push(`expected roles [${wanted.join(', ')}], the manifest assigns [${found.join(', ')}]`);
  for (const role of wanted) {
    if ((counts.get(role) ?? 0) !== expectedRoles.get(role))
      failures.push(`expected ${expectedRoles.get(role)} ${role} GPUs, the manifest assigns ${counts.get(role) ?? 0}`);
  }
  const het = hetGroupsByHost(expected);
  if (!het.ok) return [...failures, 'conflicting_het_groups (topology)'];
  const perRole = new Map<WorkerRole, Set<number | null>>();
  for (const device of expected) {
    const role = roles.get(deviceKey(device.hostname, device.gpuIndex));
    if (role === undefined) continue;
    let set = perRole.get(role);
    if (!set) perRole.set(role, (set = new Set()));
    set.add(het.groups.get(device.hostname) ?? null);
  }
  const plainJob = [...het.groups.values()].every((g) => g === null);
  const assigned: number[] = [];
  for (const role of [...perRole.keys()].sort()) {
    const groups = perRole.get(role) as Set<number | null>;
    if (groups.size !== 1) {
      failures.push(
        `role ${role} spans het groups [${[...groups].map(String).sort().join(', ')}], expected exactly one`,
      );
      continue;
    }
    const group = [...groups][0] as number | null;
    if (group === null) {
      if (!plainJob) failures.push(`role ${role} has het group None while other devices report real het groups`);
      continue;
    }
    assigned.push(group);
  }
  if (new Set(assigned).size !== assigned.length) failures.push('roles share a het group');
  return failures;
}

/**
 * Roles the job's GPU split expects, with their GPU counts: prefill for the prefill GPUs, decode
 * when there is a decode pool. An aggregated run (core/topology's `multinode-agg`) is one pool
 * whose GPUs carry "prefill"; a manifest that labels that pool "agg" instead is read the same way.
 */
export function expectedRoles(
  prefillGpus: number,
  decodeGpus: number,
  assigned: ReadonlyMap<string, WorkerRole>,
): Map<WorkerRole, number> {
  const aggregated = multinodeKind(decodeGpus) === 'multinode-agg';
  const aggPool = aggregated && assigned.size > 0 && [...assigned.values()].every((role) => role === 'agg');
  const roles = new Map<WorkerRole, number>();
  if (prefillGpus > 0) roles.set(aggPool ? 'agg' : 'prefill', prefillGpus);
  if (decodeGpus > 0) roles.set('decode', decodeGpus);
  return roles;
}

/** The pool a role's energy counts toward: an "agg" pool is the prefill pool of an aggregated run. */
export const energyPool = (role: WorkerRole | undefined): 'prefill' | 'decode' | undefined =>
  role === 'agg' ? 'prefill' : role;
