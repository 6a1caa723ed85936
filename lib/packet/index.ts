export { simulateTcpStream } from './simulateTcpStream';
export type { TcpStreamResult, CwndSample } from './simulateTcpStream';
export { resolveTcpStreamOptions } from './TcpStreamOptions';
export type { TcpStreamOptions, PacketMember, PacketScheduling, LossDetection, ResolvedTcpStreamOptions } from './TcpStreamOptions';
export { sprayingStudy, sprayingDetectors, sprayingCalibration } from './sprayingStudy';
export type { SprayingStudyOptions, SprayingStudyResult, SprayingPoint, SprayingDetector } from './sprayingStudy';
export { mulberry32 } from './prng';
export { EventQueue } from './EventQueue';
