/**
 * The program model the analysis works on: functions as control-flow graphs whose nodes hold the
 * events that matter for vfork (calls, writes, reads, declarations) and whose edges carry the
 * branch conditions. Front ends lower their ASTs into it; nothing here knows about CDT.
 */
package io.github.vforklint.ir;
