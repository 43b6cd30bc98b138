using System;
using System.Linq;
using NegLR.Simulation;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Noise;

/// <summary>
/// The kernels a generated noisy ansatz's light-cone segments run (<c>DensityMatrixSimulator.SegmentKernels</c>): the
/// pair-by-pair involution kernel moves exactly the general kernel's products (bit for bit, every ordered pair above
/// qubit 0, with and without scaled fixed points), and a simulator with the segment kernels gives the interpreter's
/// values and adjoint gradients to 1e-12 on random noisy circuits of every gate and channel kind.
/// </summary>
public class SegmentKernelTests
{
    [Theory]
    [InlineData(GateKind.CNOT)]
    [InlineData(GateKind.CZ)]
    [InlineData(GateKind.SWAP)]
    public void InvolutionKernel_MovesTheGeneralKernelsProducts_BitForBit(GateKind kind)
    {
        var rng = new SeededRandom(7);
        var gate = PauliAlgebra.ToLocalOrder(GateTransfer.ConstantTransfer(kind), 2);
        var noisy = SmallMatrix.Multiply(
            PauliAlgebra.ToLocalOrder(NoiseChannel.TwoQubitPauliChannel(Enumerable.Range(0, 15).Select(_ => rng.NextDouble(0, 0.01)).ToArray())
                .PauliTransferMatrix, 2), gate, 16);
        foreach (var matrix in new[] { gate, noisy })
        {
            var sparse = new Sparse16(matrix);
            Assert.True(sparse.IsInvolution);
            for (int qubits = 3; qubits <= 5; qubits++)
            {
                for (int a = 1; a < qubits; a++)
                {
                    for (int b = 1; b < qubits; b++)
                    {
                        if (a == b)
                        {
                            continue;
                        }

                        var expected = TestData.RandomVector(rng, 1 << (2 * qubits), -1, 1);
                        var actual = (double[])expected.Clone();
                        PauliKernels.Apply2(expected, a, b, sparse);
                        Assert.True(PauliKernels.TryApplyInvolution(actual, a, b, sparse));
                        Assert.Equal(expected, actual);
                    }
                }
            }
        }
    }

    [Fact]
    public void InvolutionKernel_DeclinesQubitZero_AndMapsThatAreNoInvolution()
    {
        var cnot = new Sparse16(PauliAlgebra.ToLocalOrder(GateTransfer.ConstantTransfer(GateKind.CNOT), 2));
        var r = new double[64];
        Assert.False(PauliKernels.TryApplyInvolution(r, 0, 1, cnot));
        Assert.False(PauliKernels.TryApplyInvolution(r, 2, 0, cnot));

        // A cyclic permutation of three local entries is monomial but not an involution; a dense map is not monomial.
        var cycle = SmallMatrix.Identity(16);
        cycle[(1 * 16) + 1] = cycle[(2 * 16) + 2] = cycle[(3 * 16) + 3] = 0;
        cycle[(1 * 16) + 2] = cycle[(2 * 16) + 3] = cycle[(3 * 16) + 1] = 1;
        Assert.False(new Sparse16(cycle).IsInvolution);
        var dense = Enumerable.Repeat(0.1, 256).ToArray();
        Assert.False(new Sparse16(dense).IsInvolution);
    }

    [Theory]
    [InlineData(GateKind.CNOT)]
    [InlineData(GateKind.CZ)]
    [InlineData(GateKind.SWAP)]
    [InlineData(GateKind.ISWAP)]
    public void QubitZeroGather_MovesTheGeneralKernelsProducts_BitForBit(GateKind kind)
    {
        var rng = new SeededRandom(11);
        var gate = PauliAlgebra.ToLocalOrder(GateTransfer.ConstantTransfer(kind), 2);
        var noisy = SmallMatrix.Multiply(
            PauliAlgebra.ToLocalOrder(NoiseChannel.TwoQubitPauliChannel(Enumerable.Range(0, 15).Select(_ => rng.NextDouble(0, 0.01)).ToArray())
                .PauliTransferMatrix, 2), gate, 16);
        foreach (var matrix in new[] { gate, noisy })
        {
            var sparse = new Sparse16(matrix);
            Assert.NotNull(sparse.TileFirst);
            for (int qubits = 2; qubits <= 5; qubits++)
            {
                for (int other = 1; other < qubits; other++)
                {
                    foreach (var (a, b) in new[] { (0, other), (other, 0) })
                    {
                        var expected = TestData.RandomVector(rng, 1 << (2 * qubits), -1, 1);
                        var actual = (double[])expected.Clone();
                        PauliKernels.Apply2(expected, a, b, sparse);
                        if (!PauliKernels.TryApplyMonomialOnQubitZero(actual, a, b, sparse))
                        {
                            Assert.False(System.Runtime.Intrinsics.X86.Avx512F.IsSupported);
                            return;
                        }

                        Assert.Equal(expected, actual);
                    }
                }
            }
        }

        // A dense map is not monomial; a pair above qubit 0 is not this kernel's.
        var dense = new Sparse16(Enumerable.Repeat(0.1, 256).ToArray());
        Assert.Null(dense.TileFirst);
        Assert.False(PauliKernels.TryApplyMonomialOnQubitZero(new double[64], 0, 1, dense));
        Assert.False(PauliKernels.TryApplyMonomialOnQubitZero(new double[64], 1, 2, new Sparse16(gate)));
    }

    [Fact]
    public void UnitalKernelOnDigitZero_EqualsTheGeneralKernel()
    {
        var rng = new SeededRandom(13);
        for (int qubits = 1; qubits <= 4; qubits++)
        {
            // A rotation, then a unital channel: M e0 = e0 and e0ᵀ M = e0ᵀ.
            var rotation = PauliAlgebra.ToLocalOrder(GateTransfer.ConstantTransfer(GateKind.H), 1);
            var channel = PauliAlgebra.ToLocalOrder(NoiseChannel.PauliChannel(0.01, 0.02, 0.03).PauliTransferMatrix, 1);
            var m = SmallMatrix.Multiply(channel, rotation, 4);
            var expected = TestData.RandomVector(rng, 1 << (2 * qubits), -1, 1);
            var actual = (double[])expected.Clone();
            PauliKernels.Apply(expected, 0, m, unital: true);
            PauliKernels.ApplyUnitalOnDigitZero(actual, m);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-15, $"{qubits} qubits, entry {i}: {actual[i]} against {expected[i]}");
            }
        }
    }

    [Fact]
    public void UnitalBackwardOnDigitZero_EqualsTheGeneralBackwardKernel()
    {
        var rng = new SeededRandom(17);
        // Two different unital maps (neither symmetric), standing for M⁻¹ and Mᵀ: every entry of both must land right.
        var h = PauliAlgebra.ToLocalOrder(GateTransfer.ConstantTransfer(GateKind.H), 1);
        var s = PauliAlgebra.ToLocalOrder(GateTransfer.ConstantTransfer(GateKind.S), 1);
        var channel = PauliAlgebra.ToLocalOrder(NoiseChannel.PauliChannel(0.01, 0.02, 0.03).PauliTransferMatrix, 1);
        var inverse = SmallMatrix.Multiply(channel, SmallMatrix.Multiply(s, h, 4), 4);
        var transposed = SmallMatrix.Multiply(SmallMatrix.Multiply(h, channel, 4), s, 4);
        for (int qubits = 1; qubits <= 4; qubits++)
        {
            var r = TestData.RandomVector(rng, 1 << (2 * qubits), -1, 1);
            var lambda = TestData.RandomVector(rng, r.Length, -1, 1);
            var (rExpected, lExpected, rActual, lActual) = ((double[])r.Clone(), (double[])lambda.Clone(), r, lambda);
            var expected = new double[16];
            var actual = new double[16];
            PauliKernels.BackwardOne(rExpected, lExpected, 0, inverse, transposed, unital: true, expected);
            PauliKernels.BackwardUnitalOnDigitZero(rActual, lActual, inverse, transposed, actual);
            for (int i = 0; i < r.Length; i++)
            {
                Assert.True(Math.Abs(rExpected[i] - rActual[i]) < 1e-15, $"{qubits} qubits, r[{i}]: {rActual[i]} against {rExpected[i]}");
                Assert.True(Math.Abs(lExpected[i] - lActual[i]) < 1e-15, $"{qubits} qubits, λ[{i}]: {lActual[i]} against {lExpected[i]}");
            }

            for (int k = 0; k < 16; k++)
            {
                Assert.True(Math.Abs(expected[k] - actual[k]) < 1e-13, $"{qubits} qubits, C[{k}]: {actual[k]} against {expected[k]}");
            }
        }
    }

    [Theory]
    [InlineData(1, 2, false)]
    [InlineData(2, 1, false)]
    [InlineData(2, 4, false)]
    [InlineData(3, 1, true)]
    [InlineData(1, 2, true)]
    public void RotatedMonomial_GivesTheBitsOfItsThreePasses_OnEveryPairAboveQubitZero(int a, int b, bool dropsAnEntry)
    {
        // Pairs (1, b) and (a ≥ 2, b) take different load paths in the 512-bit kernel; a monomial map that reads one
        // column twice and another never (not invertible) must still give the general kernels' bits.
        var rng = new SeededRandom((ulong)(900 + (10 * a) + b));
        var dense = new double[256];
        var order = Enumerable.Range(0, 16).OrderBy(_ => rng.NextDouble()).ToArray();
        for (int i = 0; i < 16; i++)
        {
            int column = dropsAnEntry && i == 7 ? order[3] : order[i];
            dense[(i * 16) + column] = rng.NextDouble() * 2 - 1;
        }

        var m = new Sparse16(dense);
        Assert.NotNull(m.TileFirst);
        var pre0 = UnitalMap(rng);
        var pre1 = UnitalMap(rng);
        foreach (int qubits in new[] { 5, 6 })
        {
            var start = TestData.RandomVector(rng, 1 << (2 * qubits), -1, 1);
            foreach (var (first, second) in new[] { (a, b), (b, a), (a, -1), (b, -1) })
            {
                var merged = (double[])start.Clone();
                var passes = (double[])start.Clone();
                Assert.True(PauliKernels.TryApplyRotatedMonomial(merged, a, b, pre0, first, second < 0 ? default : pre1, second, m));
                PauliKernels.Apply(passes, first, pre0, unital: true);
                if (second >= 0)
                {
                    PauliKernels.Apply(passes, second, pre1, unital: true);
                }

                PauliKernels.Apply2(passes, a, b, m);
                Assert.Equal(passes, merged);
            }
        }
    }

    private static double[] UnitalMap(SeededRandom rng)
    {
        var m = new double[16];
        m[0] = 1;
        for (int i = 1; i < 4; i++)
        {
            for (int j = 1; j < 4; j++)
            {
                m[(4 * i) + j] = rng.NextDouble() * 2 - 1;
            }
        }

        return m;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void TiledSchedule_GivesTheBitsOfItsStepsOneByOne_AndTheProgramOrderToRounding(int qubits)
    {
        var rng = new SeededRandom((ulong)(700 + qubits));
        var circuits = new[]
        {
            NoiseTestData.NoisyStandardWorkload(qubits),
            NoiseTestData.RandomNoisyCircuit(rng, qubits, 10 * qubits),
        };
        var ladder = new NoiseModel().AfterEach(NoiseChannel.PauliChannel(0.01, 0.02, 0.005), GateKind.RX, GateKind.RZ)
            .AfterEach(NoiseChannel.TwoQubitDepolarizing(0.02), GateKind.CZ, GateKind.SWAP);
        var mixed = new Circuit(qubits);
        for (int layer = 0; layer < 2; layer++)
        {
            for (int q = 0; q < qubits; q++)
            {
                mixed.RX(q, mixed.Weight()).RZ(q, mixed.Weight());
            }

            for (int q = qubits - 1; q > 0; q--)
            {
                if ((q + layer) % 2 == 0) { mixed.CZ(q, q - 1); } else { mixed.SWAP(q - 1, q); }
            }
        }

        int merged = 0;
        foreach (var circuit in circuits.Append(ladder.ApplyTo(mixed)))
        {
            var sim = new DensityMatrixSimulator(circuit) { SegmentKernels = true };
            var tiles = TileSchedule.Build(sim.Program);
            if (tiles is null)
            {
                continue;
            }

            merged++;
            var w = TestData.RandomVector(rng, circuit.WeightCount, -2, 2);
            var x = new[] { 0.3, -0.7 };
            var ws = sim.CreateWorkspace();
            sim.PrepareAngles(w, x, ws, -1, 0);
            var start = TestData.RandomVector(rng, 1 << (2 * qubits), -1, 1);
            var tiled = (double[])start.Clone();
            var oneByOne = (double[])start.Clone();
            var programOrder = (double[])start.Clone();
            sim.RunTiled(tiled, ws, tiles);
            foreach (var item in tiles)
            {
                foreach (int s in new[] { item.Pre0, item.Pre1, item.Step })
                {
                    if (s >= 0)
                    {
                        sim.RunSteps(oneByOne, ws, s, s + 1, saveCheckpoints: false);
                    }
                }
            }

            sim.RunSteps(programOrder, ws, 0, sim.PassCount, saveCheckpoints: false);
            Assert.Equal(oneByOne, tiled);
            for (int i = 0; i < tiled.Length; i++)
            {
                Assert.True(Math.Abs(tiled[i] - programOrder[i]) < 1e-13, $"entry {i}: {tiled[i]} against program order's {programOrder[i]}");
            }
        }

        Assert.True(merged >= 2, "the noisy ladders merge one-qubit steps into their two-qubit passes");
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(5, 3)]
    public void SegmentKernels_GiveTheInterpretersValuesAndGradients(int qubits, int seed)
    {
        var rng = new SeededRandom((ulong)(31 * qubits) + (ulong)seed);
        var observable = PauliSum.Parse("Z0 Z1 - 0.5 X1 + 0.25 Y0");
        for (int round = 0; round < 4; round++)
        {
            var circuit = NoiseTestData.RandomNoisyCircuit(rng, qubits, 8 * qubits);
            // The noisy ladder too: CNOTs with Pauli channels are the involutions the segment kernel moves.
            if (round == 3)
            {
                circuit = NoiseTestData.NoisyStandardWorkload(qubits);
            }

            var interpreter = new DensityMatrixSimulator(circuit);
            var segment = new DensityMatrixSimulator(circuit) { SegmentKernels = true };
            var w = TestData.RandomVector(rng, circuit.WeightCount, -2, 2);
            var x = new[] { 0.3, -0.7 };
            var iws = interpreter.CreateWorkspace();
            var sws = segment.CreateWorkspace();
            Assert.Equal(interpreter.Evaluate(w, x, observable, iws), segment.Evaluate(w, x, observable, sws), 12);
            var expected = new double[circuit.WeightCount];
            var actual = new double[circuit.WeightCount];
            interpreter.EvaluateWithGradient(w, x, observable, expected, iws);
            segment.EvaluateWithGradient(w, x, observable, actual, sws);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-12, $"round {round}, ∂/∂w{i}: {actual[i]} against the interpreter's {expected[i]}");
            }
        }
    }
}
