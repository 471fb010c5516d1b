export interface ResizeJob {
  url: string;
  width: number;
  format: "webp" | "png";
}

export interface ResizeResult {
  key: string;
}
