export interface ResizeJob {
  url: string;
  width: number;
}

export interface ResizeResult {
  key: string;
  bytes: number;
}
