using System;
using System.Runtime.Intrinsics;
using NegLR.Simulation;
using V2 = System.Runtime.Intrinsics.Vector128;
using V4 = System.Runtime.Intrinsics.Vector256;

namespace NegLR.Tests.Simulation.VectorPaths;

/// <summary>
/// The plan for 128-bit generated tiles, checked before the generator emits them: a tile pass written as the generator
/// writes it today (256-bit registers [ψ(q0=0), ψ(q0=1)], see Generator/Emit/TileWriter.cs) and the same pass with every
/// register split into its q0 = 0 and q0 = 1 halves (128-bit) give the same bits, for each kind of step the writer emits:
/// a real matrix across registers, a complex matrix on qubit 0 inside registers, CNOT with control qubit 0, a diagonal
/// with per-lane factors, and a gradient accumulator reduced by <see cref="FusedKernels.SumLanes(Vector256{double})"/>.
/// </summary>
public class TileLaneSplitTests
{
    [Fact]
    public void TilePass_WithRegistersSplitIntoQubit0Halves_GivesThe256BitBits()
    {
        var rng = new SeededRandom(1704);
        for (int trial = 0; trial < 20; trial++)
        {
            // Three qubits: four 256-bit registers (tile qubits 1 and 2 index them), or eight 128-bit halves.
            var phi = PathInputs.Flatten(PathInputs.State(rng, 3));
            var lambda = PathInputs.Flatten(PathInputs.State(rng, 3));
            var c = new double[16];
            for (int i = 0; i < c.Length; i++)
            {
                c[i] = rng.NextDouble(-1, 1);
            }

            var (wide, wideGradient) = Pass256(phi, lambda, c);
            var (narrow, narrowGradient) = Pass128(phi, lambda, c);
            string? difference = PathInputs.FirstDifference($"tile state, trial {trial}", wide, narrow);
            Assert.True(difference is null, difference);
            Assert.Equal(BitConverter.DoubleToInt64Bits(wideGradient), BitConverter.DoubleToInt64Bits(narrowGradient));
        }
    }

    [Fact]
    public void SumLanes_AddsPairsThenTheirSums_ForBothWidths()
    {
        // Values whose sum depends on the order: 1e16 + 1 + (−1e16) + 1.
        var v = V4.Create(1e16, 1.0, -1e16, 1.0);
        double expected = (1e16 + 1.0) + (-1e16 + 1.0);
        Assert.Equal(expected, FusedKernels.SumLanes(v));
        Assert.Equal(expected, FusedKernels.SumLanes(V2.Create(1e16, 1.0), V2.Create(-1e16, 1.0)));
        Assert.NotEqual(((1e16 + 1.0) + -1e16) + 1.0, expected);
    }

    [Fact]
    public void TileWidth_Is256WhereThe256BitPathRuns_AndNeverWiderThanTheKernels()
    {
        Assert.True(FusedKernels.TileWidth <= StateKernels.VectorWidth);
        Assert.Equal(StateKernels.VectorWidth == 256, FusedKernels.TileWidth == 256);
    }

    private static (double[] State, double Gradient) Pass256(double[] phi, double[] lambda, double[] c)
    {
        var s = (double[])phi.Clone();
        var a = (double[])lambda.Clone();
        ref double zp = ref s[0];
        ref double zl = ref a[0];
        var p0 = V4.LoadUnsafe(ref zp); var p1 = V4.LoadUnsafe(ref zp, 4); var p2 = V4.LoadUnsafe(ref zp, 8); var p3 = V4.LoadUnsafe(ref zp, 12);
        var l0 = V4.LoadUnsafe(ref zl); var l1 = V4.LoadUnsafe(ref zl, 4); var l2 = V4.LoadUnsafe(ref zl, 8); var l3 = V4.LoadUnsafe(ref zl, 12);
        Vector256<double> t0;

        // A real matrix on qubit 1: register pairs (p0, p1) and (p2, p3).
        var m00 = V4.Create(c[0]); var m01 = V4.Create(c[1]); var m10 = V4.Create(c[2]); var m11 = V4.Create(c[3]);
        t0 = p0; p0 = V4.FusedMultiplyAdd(m00, p0, m01 * p1); p1 = V4.FusedMultiplyAdd(m10, t0, m11 * p1);
        t0 = p2; p2 = V4.FusedMultiplyAdd(m00, p2, m01 * p3); p3 = V4.FusedMultiplyAdd(m10, t0, m11 * p3);

        // A complex matrix on qubit 0: inside every register.
        var dr = V4.Create(c[4], c[4], c[5], c[5]); var di = V4.Create(-c[6], c[6], -c[7], c[7]);
        var or = V4.Create(c[8], c[8], c[9], c[9]); var oi = V4.Create(-c[10], c[10], -c[11], c[11]);
        p0 = Lane(p0); p1 = Lane(p1); p2 = Lane(p2); p3 = Lane(p3);
        Vector256<double> Lane(Vector256<double> x)
        {
            var h = SwapHalves(x);
            return V4.FusedMultiplyAdd(dr, x, V4.FusedMultiplyAdd(di, SwapReIm(x), V4.FusedMultiplyAdd(or, h, oi * SwapReIm(h))));
        }

        // CNOT, control qubit 0, target qubit 2: the second amplitudes of (p0, p2) and (p1, p3) change places.
        t0 = p0; p0 = V4.Create(p0.GetLower(), p2.GetUpper()); p2 = V4.Create(p2.GetLower(), t0.GetUpper());
        t0 = p1; p1 = V4.Create(p1.GetLower(), p3.GetUpper()); p3 = V4.Create(p3.GetLower(), t0.GetUpper());

        // A diagonal with a factor per lane (qubit 0 = 0: c12 + i c13, qubit 0 = 1: c14 + i c15).
        var fr = V4.Create(c[12], c[12], c[14], c[14]); var fi = V4.Create(-c[13], c[13], -c[15], c[15]);
        p0 = V4.FusedMultiplyAdd(fr, p0, fi * SwapReIm(p0)); p1 = V4.FusedMultiplyAdd(fr, p1, fi * SwapReIm(p1));
        p2 = V4.FusedMultiplyAdd(fr, p2, fi * SwapReIm(p2)); p3 = V4.FusedMultiplyAdd(fr, p3, fi * SwapReIm(p3));

        // A gradient: Im⟨λ|Z0 Z1|φ⟩-style accumulation, negative terms apart, then the fixed-order lane sum.
        Vector256<double> g = default;
        g = V4.FusedMultiplyAdd(l0, SwapReIm(p0), g);
        g = V4.FusedMultiplyAdd(l3, SwapReIm(p3), g);
        var t3 = l1 * SwapReIm(p1);
        t3 = V4.FusedMultiplyAdd(l2, SwapReIm(p2), t3);
        g -= t3;
        double gradient = 0.75 * FusedKernels.SumLanes(g * V4.Create(1.0, -1.0, -1.0, 1.0));

        p0.StoreUnsafe(ref zp); p1.StoreUnsafe(ref zp, 4); p2.StoreUnsafe(ref zp, 8); p3.StoreUnsafe(ref zp, 12);
        return (s, gradient);
    }

    private static (double[] State, double Gradient) Pass128(double[] phi, double[] lambda, double[] c)
    {
        var s = (double[])phi.Clone();
        var a = (double[])lambda.Clone();
        ref double zp = ref s[0];
        ref double zl = ref a[0];

        // Register r of the 256-bit pass is p{r}_0 (qubit 0 = 0) and p{r}_1 (qubit 0 = 1).
        var p0_0 = V2.LoadUnsafe(ref zp); var p0_1 = V2.LoadUnsafe(ref zp, 2); var p1_0 = V2.LoadUnsafe(ref zp, 4); var p1_1 = V2.LoadUnsafe(ref zp, 6);
        var p2_0 = V2.LoadUnsafe(ref zp, 8); var p2_1 = V2.LoadUnsafe(ref zp, 10); var p3_0 = V2.LoadUnsafe(ref zp, 12); var p3_1 = V2.LoadUnsafe(ref zp, 14);
        var l0_0 = V2.LoadUnsafe(ref zl); var l0_1 = V2.LoadUnsafe(ref zl, 2); var l1_0 = V2.LoadUnsafe(ref zl, 4); var l1_1 = V2.LoadUnsafe(ref zl, 6);
        var l2_0 = V2.LoadUnsafe(ref zl, 8); var l2_1 = V2.LoadUnsafe(ref zl, 10); var l3_0 = V2.LoadUnsafe(ref zl, 12); var l3_1 = V2.LoadUnsafe(ref zl, 14);
        Vector128<double> t0, t1;

        // A real matrix across registers: the same code on both halves (a constant with equal lanes splits into itself).
        var m00 = V2.Create(c[0]); var m01 = V2.Create(c[1]); var m10 = V2.Create(c[2]); var m11 = V2.Create(c[3]);
        t0 = p0_0; p0_0 = V2.FusedMultiplyAdd(m00, p0_0, m01 * p1_0); p1_0 = V2.FusedMultiplyAdd(m10, t0, m11 * p1_0);
        t0 = p0_1; p0_1 = V2.FusedMultiplyAdd(m00, p0_1, m01 * p1_1); p1_1 = V2.FusedMultiplyAdd(m10, t0, m11 * p1_1);
        t0 = p2_0; p2_0 = V2.FusedMultiplyAdd(m00, p2_0, m01 * p3_0); p3_0 = V2.FusedMultiplyAdd(m10, t0, m11 * p3_0);
        t0 = p2_1; p2_1 = V2.FusedMultiplyAdd(m00, p2_1, m01 * p3_1); p3_1 = V2.FusedMultiplyAdd(m10, t0, m11 * p3_1);

        // A complex matrix on qubit 0: a constant (a, b, c, d) splits into (a, b) for the low half and (c, d) for the high
        // one, and SwapHalves(x) is the other half: no shuffle at all.
        var dr0 = V2.Create(c[4]); var dr1 = V2.Create(c[5]);
        var di0 = V2.Create(-c[6], c[6]); var di1 = V2.Create(-c[7], c[7]);
        var or0 = V2.Create(c[8]); var or1 = V2.Create(c[9]);
        var oi0 = V2.Create(-c[10], c[10]); var oi1 = V2.Create(-c[11], c[11]);
        Lane(ref p0_0, ref p0_1); Lane(ref p1_0, ref p1_1); Lane(ref p2_0, ref p2_1); Lane(ref p3_0, ref p3_1);
        void Lane(ref Vector128<double> x0, ref Vector128<double> x1)
        {
            var low = V2.FusedMultiplyAdd(dr0, x0, V2.FusedMultiplyAdd(di0, SwapReIm(x0), V2.FusedMultiplyAdd(or0, x1, oi0 * SwapReIm(x1))));
            x1 = V2.FusedMultiplyAdd(dr1, x1, V2.FusedMultiplyAdd(di1, SwapReIm(x1), V2.FusedMultiplyAdd(or1, x0, oi1 * SwapReIm(x0))));
            x0 = low;
        }

        // CNOT with control qubit 0: the high halves change registers, a rename (emitted as nothing; here, a swap).
        (p0_1, p2_1) = (p2_1, p0_1);
        (p1_1, p3_1) = (p3_1, p1_1);

        // The per-lane diagonal: one factor per half.
        var fr0 = V2.Create(c[12]); var fi0 = V2.Create(-c[13], c[13]);
        var fr1 = V2.Create(c[14]); var fi1 = V2.Create(-c[15], c[15]);
        p0_0 = V2.FusedMultiplyAdd(fr0, p0_0, fi0 * SwapReIm(p0_0)); p0_1 = V2.FusedMultiplyAdd(fr1, p0_1, fi1 * SwapReIm(p0_1));
        p1_0 = V2.FusedMultiplyAdd(fr0, p1_0, fi0 * SwapReIm(p1_0)); p1_1 = V2.FusedMultiplyAdd(fr1, p1_1, fi1 * SwapReIm(p1_1));
        p2_0 = V2.FusedMultiplyAdd(fr0, p2_0, fi0 * SwapReIm(p2_0)); p2_1 = V2.FusedMultiplyAdd(fr1, p2_1, fi1 * SwapReIm(p2_1));
        p3_0 = V2.FusedMultiplyAdd(fr0, p3_0, fi0 * SwapReIm(p3_0)); p3_1 = V2.FusedMultiplyAdd(fr1, p3_1, fi1 * SwapReIm(p3_1));

        // The gradient: two accumulators (one per half), the same lane sum.
        Vector128<double> g0 = default, g1 = default;
        g0 = V2.FusedMultiplyAdd(l0_0, SwapReIm(p0_0), g0); g1 = V2.FusedMultiplyAdd(l0_1, SwapReIm(p0_1), g1);
        g0 = V2.FusedMultiplyAdd(l3_0, SwapReIm(p3_0), g0); g1 = V2.FusedMultiplyAdd(l3_1, SwapReIm(p3_1), g1);
        t0 = l1_0 * SwapReIm(p1_0); t1 = l1_1 * SwapReIm(p1_1);
        t0 = V2.FusedMultiplyAdd(l2_0, SwapReIm(p2_0), t0); t1 = V2.FusedMultiplyAdd(l2_1, SwapReIm(p2_1), t1);
        g0 -= t0; g1 -= t1;
        double gradient = 0.75 * FusedKernels.SumLanes(g0 * V2.Create(1.0, -1.0), g1 * V2.Create(-1.0, 1.0));

        p0_0.StoreUnsafe(ref zp); p0_1.StoreUnsafe(ref zp, 2); p1_0.StoreUnsafe(ref zp, 4); p1_1.StoreUnsafe(ref zp, 6);
        p2_0.StoreUnsafe(ref zp, 8); p2_1.StoreUnsafe(ref zp, 10); p3_0.StoreUnsafe(ref zp, 12); p3_1.StoreUnsafe(ref zp, 14);
        return (s, gradient);
    }

    private static Vector256<double> SwapReIm(Vector256<double> v) => V4.Shuffle(v, V4.Create(1L, 0L, 3L, 2L));

    private static Vector256<double> SwapHalves(Vector256<double> v) => V4.Shuffle(v, V4.Create(2L, 3L, 0L, 1L));

    private static Vector128<double> SwapReIm(Vector128<double> v) => StateKernels.SwapReIm(v);
}
