export interface BenchOptions {
  seconds: number;
  connections: number;
  rounds: number;
  /** Processes the service under test may use (the Looking Glass --lookingglass-workers). */
  workers: number;
}
