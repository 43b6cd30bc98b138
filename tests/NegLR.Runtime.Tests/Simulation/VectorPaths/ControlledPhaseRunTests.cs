using System;
using System.Numerics;
using NegLR.Simulation;

namespace NegLR.Tests.Simulation.VectorPaths;

/// <summary>
/// CZ and CPhase with the lower qubit above 0 run on contiguous runs two amplitudes per vector; every amplitude must get
/// exactly the scalar product's bits — re = r·fr − i·fi, im = i·fr + r·fi — zero signs included, and the others none.
/// </summary>
public class ControlledPhaseRunTests
{
    [Fact]
    public void EveryPairAndPhase_GivesTheScalarBits()
    {
        var rng = new SeededRandom(404);
        var phases = new[] { -Complex.One, Complex.ImaginaryOne, -Complex.ImaginaryOne, new Complex(0.6, -0.8), PathInputs.Complex(rng), new Complex(-0.0, 1) };
        for (int n = 2; n <= 6; n++)
        {
            for (int a = 0; a < n; a++)
            {
                for (int b = a + 1; b < n; b++)
                {
                    foreach (var phase in phases)
                    {
                        var state = PathInputs.State(rng, n);
                        var expected = (Complex[])state.Clone();
                        int mask = (1 << a) | (1 << b);
                        for (int i = 0; i < expected.Length; i++)
                        {
                            if ((i & mask) == mask)
                            {
                                double r = expected[i].Real, im = expected[i].Imaginary;
                                expected[i] = new Complex((r * phase.Real) - (im * phase.Imaginary), (im * phase.Real) + (r * phase.Imaginary));
                            }
                        }

                        StateKernels.ApplyControlledPhase(state, mask, phase);
                        for (int i = 0; i < state.Length; i++)
                        {
                            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i].Real), BitConverter.DoubleToInt64Bits(state[i].Real));
                            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i].Imaginary), BitConverter.DoubleToInt64Bits(state[i].Imaginary));
                        }
                    }
                }
            }
        }
    }
}
