// Benchmark of the packet-level TCP model: packets simulated per second (data packets plus ACKs), median of
// several runs, on the machine it runs on. It imports the BUILT library (CommonJS in lib/dist); set
// TEAMING_LAB_DIST to another build's folder (one holding packet/index.js) to use that one instead.
// Run: npm run build && node bench/packet.mjs
import os from 'node:os';
import { distDir, machine, median, requireDist, table } from './_common.mjs';

const dist = distDir();
const { simulateTcpStream, sprayingCalibration } = requireDist('packet/index.js');

const repeats = Number(process.env.BENCH_REPEATS ?? 7);
const four = Array.from({ length: 4 }, () => ({ gbps: sprayingCalibration.memberGbps }));
const cases = [
  { name: '1 member, per flow, 100,000 segments', options: { members: [{ gbps: 1 }], bytes: 100_000 * 1448 } },
  { name: '4 members, round robin, dupack 3, 16 us spread, 0.3 s', options: { members: four, scheduling: 'roundRobin', jitterUs: 16, durationS: 0.3 } },
  { name: '4 members, round robin, rack, 16 us spread, 0.3 s', options: { members: four, scheduling: 'roundRobin', lossDetection: 'rack', jitterUs: 16, durationS: 0.3 } },
  { name: '1 member, 4-packet queue (drops), 100,000 segments', options: { members: [{ gbps: 1 }], bufferPackets: 4, bytes: 100_000 * 1448 } },
];

console.log(`machine: ${machine()}, ${os.platform()} ${os.arch()}`);
console.log(`library: ${dist}; ${repeats} runs per case, medians shown`);
simulateTcpStream(cases[0].options); // warm the JIT once
const rows = [['case', 'packets', 'median ms', 'median M packets/s']];
for (const { name, options } of cases) {
  const rates = [];
  const times = [];
  let packets = 0;
  for (let run = 0; run < repeats; run += 1) {
    const start = process.hrtime.bigint();
    const result = simulateTcpStream(options);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    packets = result.packetsSimulated;
    rates.push(packets / seconds);
    times.push(seconds * 1000);
  }
  rows.push([name, packets, median(times).toFixed(1), (median(rates) / 1e6).toFixed(2)]);
}
console.log(table(rows, 'lrrr'));
