/**
 * An array as a SIMD module of this folder sees it (./simdArena.ts): rows of `width` floats laid
 * `stride` floats apart (channel rows padded to 4 lanes), in place where the array already lies in
 * the arena's memory and needs no padding, else in a scratch region that inputs are copied into
 * and outputs copied back from.
 */
import { locate, view, type SimdArena } from './simdArena';

/** src rows of `width` floats into dst rows of `stride` floats, the rest of each row zero. */
function padRows(dst: Float32Array, src: Float32Array, width: number, stride: number): void {
  if (width === stride) {
    dst.set(src);
    return;
  }
  dst.fill(0);
  for (let r = 0, rows = src.length / width; r < rows; r++) dst.set(src.subarray(r * width, (r + 1) * width), r * stride);
}

/** The first `width` floats of each `stride`-float row of src into dst. */
function unpadRows(dst: Float32Array, src: Float32Array, width: number, stride: number): void {
  if (width === stride) {
    dst.set(src);
    return;
  }
  for (let r = 0, rows = dst.length / width; r < rows; r++) dst.set(src.subarray(r * stride, r * stride + width), r * width);
}

/**
 * An array of rows of `width` floats as the module sees it, rows `stride` apart: in place, or a
 * scratch region. `at` is its byte offset once placed; `array()` is the caller's array, viewed
 * again after the memory may have grown.
 */
export class Operand {
  private readonly home: number | null;
  /** a's length, kept: a view detached by a growing memory reads as empty. */
  private readonly length: number;
  at = -1;

  constructor(private readonly arena: SimdArena, private readonly a: Float32Array, private readonly width: number, private readonly stride: number) {
    this.home = locate(arena, a);
    this.length = a.length;
  }

  get inPlace(): boolean {
    return this.home !== null && this.width === this.stride;
  }

  place(): this {
    this.at = this.inPlace ? this.home! : this.arena.alloc((this.length / this.width) * this.stride * 4);
    return this;
  }

  array(): Float32Array {
    return this.home === null ? this.a : view(this.arena, this.home, this.length);
  }

  region(): Float32Array {
    return view(this.arena, this.at, (this.length / this.width) * this.stride);
  }

  /** After every place: an input's values into its region. */
  fill(): void {
    if (!this.inPlace) padRows(this.region(), this.array(), this.width, this.stride);
  }

  /** After the call: an output's region back into the caller's array. */
  copyOut(): void {
    if (!this.inPlace) unpadRows(this.array(), this.region(), this.width, this.stride);
  }
}
