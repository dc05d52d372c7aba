export interface BenchOptions {
  seconds: number;
  connections: number;
  rounds: number;
}
