using System;
using System.Numerics;
using NegLR.Simulation;

namespace NegLR.Tests.Simulation.VectorPaths;

/// <summary>
/// The 256-bit, 128-bit and scalar paths of every vectorised kernel, called directly (a path whose vectors the machine
/// does not accelerate still runs, software-emulated): the same bits on 1 to 7 qubits and every qubit position.
/// </summary>
public class VectorPathTests
{
    [Fact]
    public void SingleQubitKernels_EveryPath_GivesTheScalarBits()
    {
        var rng = new SeededRandom(1701);
        for (int n = 1; n <= 7; n++)
        {
            for (int q = 0; q < n; q++)
            {
                var m = new Matrix2(PathInputs.Complex(rng), PathInputs.Complex(rng), PathInputs.Complex(rng), PathInputs.Complex(rng));
                var psi = PathInputs.State(rng, n);
                var scalar = Run(psi, s => StateKernels.ApplyMatrixScalar(s, q, m));
                Same($"ApplyMatrix 128 q{q} of {n}", scalar, Run(psi, s => StateKernels.ApplyMatrixVector128(s, q, m)));
                if (q >= 1)
                {
                    Same($"ApplyMatrix 256 q{q} of {n}", scalar, Run(psi, s => StateKernels.ApplyMatrixVector256(s, q, m)));
                }

                double a = rng.NextDouble(-1, 1), b = rng.NextDouble(-1, 1), c = rng.NextDouble(-1, 1), d = rng.NextDouble(-1, 1);
                scalar = Run(psi, s => StateKernels.ApplyRealMatrixScalar(s, q, a, b, c, d));
                Same($"ApplyRealMatrix 128 q{q} of {n}", scalar, Run(psi, s => StateKernels.ApplyRealMatrixVector128(s, q, a, b, c, d)));
                Same($"ApplyRealMatrix 256 q{q} of {n}", scalar, Run(psi, s => StateKernels.ApplyRealMatrixVector256(s, q, a, b, c, d)));

                foreach (var d0 in new[] { PathInputs.Complex(rng), Complex.One })
                {
                    var d1 = PathInputs.Complex(rng);
                    scalar = Run(psi, s => StateKernels.ApplyDiagonalScalar(s, q, d0, d1));
                    Same($"ApplyDiagonal({d0}) 128 q{q} of {n}", scalar, Run(psi, s => StateKernels.ApplyDiagonalVector128(s, q, d0, d1)));
                    Same($"ApplyDiagonal({d0}) 256 q{q} of {n}", scalar, Run(psi, s => StateKernels.ApplyDiagonalVector256(s, q, d0, d1)));
                }
            }
        }
    }

    [Fact]
    public void PairOverlaps_128BitPath_AddsInTheOrderOfThe256BitPath()
    {
        var rng = new SeededRandom(1702);
        for (int n = 2; n <= 7; n++)
        {
            for (int q = 1; q < n; q++)
            {
                var lambda = PathInputs.State(rng, n);
                var phi = PathInputs.State(rng, n);
                var wide = StateKernels.PairOverlapsVector256(lambda, phi, q);
                var narrow = StateKernels.PairOverlapsVector128(lambda, phi, q);
                Same($"PairOverlaps q{q} of {n}", Flatten(wide), Flatten(narrow));
            }
        }
    }

    [Fact]
    public void CosSin_EveryPath_GivesTheScalarBits()
    {
        var rng = new SeededRandom(1703);
        for (int length = 0; length <= 13; length++)
        {
            var x = PathInputs.Angles(rng, length);
            var scalar = new double[2 * length];
            var narrow = new double[2 * length];
            var wide = new double[2 * length];
            FusedKernels.CosSinScalar(x, scalar);
            FusedKernels.CosSinVector128(x, narrow);
            FusedKernels.CosSinVector256(x, wide);
            Same($"CosSin 128 of {length}", scalar, narrow);
            Same($"CosSin 256 of {length}", scalar, wide);
        }
    }

    [Fact]
    public void VectorWidth_MatchesWhatTheJitAccelerates()
    {
        int expected = System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? 256
            : System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? 128 : 0;
        Assert.Equal(expected, StateKernels.VectorWidth);
    }

    private static double[] Run(Complex[] psi, Action<Complex[]> kernel)
    {
        var copy = (Complex[])psi.Clone();
        kernel(copy);
        return PathInputs.Flatten(copy);
    }

    private static double[] Flatten((Complex S1, Complex S2, Complex D0, Complex D1) o) =>
        new[] { o.S1.Real, o.S1.Imaginary, o.S2.Real, o.S2.Imaginary, o.D0.Real, o.D0.Imaginary, o.D1.Real, o.D1.Imaginary };

    private static void Same(string label, double[] expected, double[] actual)
    {
        string? difference = PathInputs.FirstDifference(label, expected, actual);
        Assert.True(difference is null, difference);
    }
}
