using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace NegLR.Simulation;

// What generated tile passes of either register width share: which width suits this process, the one reduction
// whose order must not depend on the width, and the shuffles the tiles apply to their registers (named here once instead
// of spelled out at every use in every generated file; each is one intrinsic the JIT inlines into any pass, however long).
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

    /// <summary>[re₀, im₀, re₁, im₁] → [im₀, re₀, im₁, re₁]: each amplitude's real and imaginary parts exchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SwapReIm(Vector256<double> v) => Vector256.Shuffle(v, Vector256.Create(1L, 0L, 3L, 2L));

    /// <summary>[a₀, a₁] → [a₁, a₀]: a 256-bit tile register's two amplitudes (qubit 0 = 0 and 1) exchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SwapHalves(Vector256<double> v) => Vector256.Shuffle(v, Vector256.Create(2L, 3L, 0L, 1L));

    /// <summary>[re₀, im₀, re₁, im₁] → [re₀, re₀, re₁, re₁]: each amplitude's real part in both of its lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Re(Vector256<double> v) => Vector256.Shuffle(v, Vector256.Create(0L, 0L, 2L, 2L));

    /// <summary>[re₀, im₀, re₁, im₁] → [im₀, im₀, im₁, im₁]: each amplitude's imaginary part in both of its lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Im(Vector256<double> v) => Vector256.Shuffle(v, Vector256.Create(1L, 1L, 3L, 3L));

    /// <summary>[re, im] → [im, re]: the 128-bit tiles' <see cref="SwapReIm(Vector256{double})"/>, one amplitude.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> SwapReIm(Vector128<double> v) => Vector128.Shuffle(v, Vector128.Create(1L, 0L));

    /// <summary>[re, im] → [re, re]: the 128-bit tiles' <see cref="Re(Vector256{double})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Re(Vector128<double> v) => Vector128.Shuffle(v, Vector128.Create(0L, 0L));

    /// <summary>[re, im] → [im, im]: the 128-bit tiles' <see cref="Im(Vector256{double})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Im(Vector128<double> v) => Vector128.Shuffle(v, Vector128.Create(1L, 1L));
}
