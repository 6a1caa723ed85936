export { simulateTcpStream } from './simulateTcpStream';
export type { TcpStreamResult, CwndSample } from './simulateTcpStream';
export { resolveTcpStreamOptions } from './TcpStreamOptions';
export type { TcpStreamOptions, PacketMember, PacketScheduling, LossDetection, ResolvedTcpStreamOptions } from './TcpStreamOptions';
export { mulberry32 } from './prng';
export { EventQueue } from './EventQueue';
