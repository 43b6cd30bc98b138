using System;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Noise;

/// <summary>
/// Registers beyond the dense oracle (8 and 9 qubits, where the engine sweeps low-qubit steps block by block): the
/// ideal path against the state vector, blocking against no blocking, the adjoint against parameter shift.
/// </summary>
public class LargeRegisterTests
{
    [Theory]
    [InlineData(8, 81ul)]
    [InlineData(9, 82ul)]
    public void WithoutChannels_TheDensityMatrixEqualsTheStateVector(int qubits, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var c = NoiseTestData.RandomNoisyCircuit(rng, qubits, 60).WithoutChannels();
        var w = TestData.RandomVector(rng, c.WeightCount, -3, 3);
        var x = new[] { 0.3, 0.9 };
        var observable = PauliSum.Parse("0.6 Z0 Z7 - 0.4 X3 Y5 + 0.3 Z1 + 0.2 X7");
        var interpreter = new CircuitInterpreter(c);
        var dm = new DensityMatrixSimulator(c);
        Assert.Equal(interpreter.Evaluate(w, x, observable, interpreter.CreateWorkspace()), dm.Evaluate(w, x, observable, dm.CreateWorkspace(false)), 12);
    }

    [Fact]
    public void CacheBlocking_ChangesNoBit_AndTheAdjointStillEqualsParameterShift()
    {
        var rng = new SeededRandom(83);
        var c = NoiseTestData.RandomNoisyCircuit(rng, 8, 50);
        var w = TestData.RandomVector(rng, c.WeightCount, -3, 3);
        var x = new[] { -0.2, 0.5 };
        var observable = PauliSum.Parse("Z0 Z1 - 0.5 X6 + 0.25 Y7 Z2");
        var blocked = new DensityMatrixSimulator(c);
        var plain = new DensityMatrixSimulator(c) { CacheBlocking = false };
        Assert.Equal(plain.Evaluate(w, x, observable, plain.CreateWorkspace(false)), blocked.Evaluate(w, x, observable, blocked.CreateWorkspace(false)));
        var ws = blocked.CreateWorkspace();
        var adjoint = new double[c.WeightCount];
        var shift = new double[c.WeightCount];
        blocked.EvaluateWithGradient(w, x, observable, adjoint, ws);
        blocked.ParameterShiftGradient(w, x, observable, shift, ws);
        for (int i = 0; i < adjoint.Length; i++)
        {
            Assert.True(Math.Abs(adjoint[i] - shift[i]) < 1e-11, $"weight {i}: {adjoint[i]} vs {shift[i]}");
        }
    }
}
