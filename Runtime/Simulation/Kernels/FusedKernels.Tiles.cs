using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace NegLR.Simulation;

// What generated tile passes of either register width share: which width suits this process, and the one reduction
// whose order must not depend on the width.
public static partial class FusedKernels
{
    /// <summary>
    /// The register width, in bits, of the tile passes that suit this process: 256 where 256-bit vectors are accelerated
    /// (AVX2 on x64); 128 where only 128-bit vectors are and fused multiply-add is one instruction (AdvSimd on arm64, FMA3
    /// on x64 with AVX2 switched off); 0 otherwise, where one Runtime kernel call per gate is faster. Under NativeAOT it is
    /// fixed when the program is compiled.
    /// </summary>
    /// <remarks>
    /// Tiles of both widths compute every lane with the same operations (with fused multiply-adds), so they agree bit for
    /// bit; they agree with the per-gate kernels to rounding. A tile pass of 128-bit registers holds each 256-bit
    /// register's lanes of qubit 0 = 0 and qubit 0 = 1 in two registers.
    /// </remarks>
    public static int TileWidth =>
        Vector256.IsHardwareAccelerated ? 256
        : Vector128.IsHardwareAccelerated && (AdvSimd.Arm64.IsSupported || Fma.IsSupported) ? 128
        : 0;

    /// <summary>
    /// (v₀ + v₁) + (v₂ + v₃): a 256-bit tile's gradient accumulator summed in a fixed order, the order of
    /// <see cref="SumLanes(Vector128{double}, Vector128{double})"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumLanes(Vector256<double> v) =>
        (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));

    /// <summary>
    /// (l₀ + l₁) + (h₀ + h₁): a 128-bit tile's gradient accumulator, held as the lanes of qubit 0 = 0 (<paramref name="low"/>)
    /// and qubit 0 = 1 (<paramref name="high"/>), summed in the order of <see cref="SumLanes(Vector256{double})"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumLanes(Vector128<double> low, Vector128<double> high) =>
        (low.GetElement(0) + low.GetElement(1)) + (high.GetElement(0) + high.GetElement(1));
}
