using System;
using System.Collections.Generic;
using System.Linq;
using NegLR.Simulation;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Noise;

/// <summary>
/// The merged backward pass of the light-cone segments (<c>DensityMatrixSimulator.BackpropagateTiled</c>, the adjoint of
/// <c>RunTiled</c>): on pairs with and without qubit 0, one and two pre-steps in both orders, 2–7 qubits and channels of
/// several kinds, r and λ get the bits of the steps' backward kernels run one by one in the schedule's reverse order, and
/// r, λ and the gradient equal <c>Backpropagate</c> (program order) to 1e-12; the qubit-0 gather gives the same bits by
/// plain loads as by AVX-512; a non-unital channel keeps its step out of the merge.
/// </summary>
public class TiledBackwardTests
{
    public static IEnumerable<object[]> Sizes() => Enumerable.Range(2, 6).Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Sizes))]
    public void TiledBackward_EqualsTheProgramOrderBackward_AndTheStepsOneByOneBitForBit(int qubits)
    {
        var rng = new SeededRandom((ulong)(900 + qubits));
        int merged = 0, withTwoPres = 0, onQubitZero = 0, preOrders = 0;
        foreach (var circuit in Circuits(rng, qubits))
        {
            var sim = new DensityMatrixSimulator(circuit) { SegmentKernels = true };
            var tiles = TileSchedule.Build(sim.Program);
            if (tiles is null)
            {
                continue;
            }

            merged++;
            foreach (var item in tiles.Where(i => i.Pre0 >= 0))
            {
                var step = sim.Program.Steps[item.Step];
                withTwoPres += item.Pre1 >= 0 ? 1 : 0;
                onQubitZero += step.Qubit0 == 0 || step.Qubit1 == 0 ? 1 : 0;
                preOrders |= sim.Program.Steps[item.Pre0].Qubit0 == step.Qubit0 ? 1 : 2;
            }

            var w = TestData.RandomVector(rng, circuit.WeightCount, -2, 2);
            var ws = sim.CreateWorkspace();
            sim.PrepareAngles(w, new[] { 0.3, -0.7 }, ws, -1, 0);
            var r = TestData.RandomVector(rng, 1 << (2 * qubits), -1, 1);
            var lambda = TestData.RandomVector(rng, r.Length, -1, 1);

            var (tr, tl, tg) = ((double[])r.Clone(), (double[])lambda.Clone(), new double[circuit.WeightCount]);
            sim.BackpropagateTiled(tr, tl, tg, ws, tiles);

            var (pr, pl, pg) = ((double[])r.Clone(), (double[])lambda.Clone(), new double[circuit.WeightCount]);
            sim.Backpropagate(pr, pl, pg, ws);
            AssertClose(pr, tr, "r", qubits);
            AssertClose(pl, tl, "λ", qubits);
            AssertClose(pg, tg, "gradient", qubits);

            // The same steps one by one in the schedule's reverse order: the bits of r and λ.
            var (or, ol, og) = ((double[])r.Clone(), (double[])lambda.Clone(), new double[circuit.WeightCount]);
            var oneByOne = tiles.SelectMany(i => new[] { i.Pre0, i.Pre1, i.Step }).Where(s => s >= 0).Select(s => new TileSchedule.Item(s, -1, -1))
                .ToArray();
            sim.BackpropagateTiled(or, ol, og, ws, oneByOne);
            Assert.Equal(or, tr);
            Assert.Equal(ol, tl);
            AssertClose(og, tg, "gradient one by one", qubits);
        }

        Assert.True(merged >= 3, $"{merged} programs merge");
        Assert.True(withTwoPres > 0, "an item runs two pre-steps");
        Assert.True(qubits < 3 || preOrders == 3, "pre-steps come in both orders");
        Assert.True(onQubitZero > 0, "a merged pair includes qubit 0");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void QubitZeroGather_PlainLoads_GiveTheBitsOfTheWideGather(int qubits)
    {
        var rng = new SeededRandom((ulong)(950 + qubits));
        int checkedItems = 0;
        foreach (var circuit in Circuits(rng, qubits))
        {
            var sim = new DensityMatrixSimulator(circuit) { SegmentKernels = true };
            var tiles = TileSchedule.Build(sim.Program);
            if (tiles is null)
            {
                continue;
            }

            var ws = sim.CreateWorkspace();
            sim.PrepareAngles(TestData.RandomVector(rng, circuit.WeightCount, -2, 2), new[] { 0.3, -0.7 }, ws, -1, 0);
            sim.RunTiled(new double[1 << (2 * qubits)], ws, tiles); // fuses each step's per-call matrix into the workspace
            foreach (var item in tiles.Where(i => i.Pre0 >= 0))
            {
                var steps = sim.Program.Steps;
                var step = steps[item.Step];
                if (step.Qubit0 != 0 && step.Qubit1 != 0)
                {
                    continue;
                }

                var r = TestData.RandomVector(rng, 1 << (2 * qubits), -1, 1);
                var lambda = TestData.RandomVector(rng, r.Length, -1, 1);
                var results = new List<double[]>();
                foreach (bool wide in new[] { true, false })
                {
                    var (rr, ll) = ((double[])r.Clone(), (double[])lambda.Clone());
                    var c0 = new double[16];
                    var c1 = new double[16];
                    var pre0 = Pre(sim, ws, steps[item.Pre0], c0);
                    var pre1 = item.Pre1 >= 0 ? Pre(sim, ws, steps[item.Pre1], c1) : default;
                    Assert.True(PauliKernels.TryBackwardRotatedMonomial(rr, ll, step.Qubit0, step.Qubit1, step.SparseInverse!, step.SparseTransposed!, pre1,
                        pre0, wide));
                    results.Add(rr.Concat(ll).Concat(c0).Concat(c1).ToArray());
                }

                Assert.Equal(results[0], results[1]);
                checkedItems++;
            }
        }

        Assert.True(checkedItems > 0, "a merged pair includes qubit 0");
    }

    [Fact]
    public void NonUnitalChannel_KeepsItsStepOutOfTheMerge_AndTheBackwardStillAgrees()
    {
        var rng = new SeededRandom(977);
        var circuit = new Circuit(3);
        for (int q = 0; q < 3; q++)
        {
            circuit.RY(q, circuit.Weight()).RZ(q, circuit.Weight());
        }

        circuit.AmplitudeDamping(1, 0.05);
        circuit.CNOT(0, 1).CNOT(1, 2);
        for (int q = 0; q < 3; q++)
        {
            circuit.RX(q, circuit.Weight());
        }

        circuit.CZ(2, 0);
        var sim = new DensityMatrixSimulator(new NoiseModel().AfterEach(NoiseChannel.Depolarizing(0.01), GateKind.RY, GateKind.RX)
            .AfterEach(NoiseChannel.TwoQubitDepolarizing(0.02), GateKind.CNOT, GateKind.CZ).ApplyTo(circuit)) { SegmentKernels = true };
        var tiles = TileSchedule.Build(sim.Program);
        Assert.NotNull(tiles);
        var steps = sim.Program.Steps;
        var nonUnital = Enumerable.Range(0, steps.Length).Where(s => steps[s].Kind == DensityStepKind.One && !steps[s].Unital).ToArray();
        Assert.NotEmpty(nonUnital);
        Assert.All(nonUnital, s => Assert.Contains(tiles!, i => i.Step == s && i.Pre0 < 0));
        Assert.DoesNotContain(tiles!, i => nonUnital.Contains(i.Pre0) || nonUnital.Contains(i.Pre1));

        var ws = sim.CreateWorkspace();
        sim.PrepareAngles(TestData.RandomVector(rng, circuit.WeightCount, -2, 2), ReadOnlySpan<double>.Empty, ws, -1, 0);
        var r = TestData.RandomVector(rng, 64, -1, 1);
        var lambda = TestData.RandomVector(rng, 64, -1, 1);
        var (tr, tl, tg) = ((double[])r.Clone(), (double[])lambda.Clone(), new double[circuit.WeightCount]);
        sim.BackpropagateTiled(tr, tl, tg, ws, tiles!);
        var (pr, pl, pg) = ((double[])r.Clone(), (double[])lambda.Clone(), new double[circuit.WeightCount]);
        sim.Backpropagate(pr, pl, pg, ws);
        AssertClose(pr, tr, "r", 3);
        AssertClose(pl, tl, "λ", 3);
        AssertClose(pg, tg, "gradient", 3);
    }

    [Fact]
    public void TiledBackward_WithAWarmWorkspace_AllocatesNothing()
    {
        var rng = new SeededRandom(981);
        var circuit = NoiseTestData.NoisyStandardWorkload(4);
        var sim = new DensityMatrixSimulator(circuit) { SegmentKernels = true };
        var tiles = TileSchedule.Build(sim.Program)!;
        var ws = sim.CreateWorkspace();
        sim.PrepareAngles(TestData.RandomVector(rng, circuit.WeightCount, -2, 2), ReadOnlySpan<double>.Empty, ws, -1, 0);
        var r = TestData.RandomVector(rng, 256, -1, 1);
        var lambda = TestData.RandomVector(rng, 256, -1, 1);
        var g = new double[circuit.WeightCount];
        AllocationAssert.NoneAllocate(new (string, Action)[] { ("BackpropagateTiled", () => sim.BackpropagateTiled(r, lambda, g, ws, tiles)) });
    }

    private static PauliKernels.BackwardPre Pre(DensityMatrixSimulator sim, DensityMatrixWorkspace ws, DensityStep step, double[] correlation)
    {
        // The forward matrix and its transpose stand in for M⁻¹ and Mᵀ: both gathers get the same inputs, so the bits compare.
        var m = step.ConstantProduct >= 0 ? sim.Program.Pool.AsSpan(step.ConstantProduct, 16).ToArray() : ws.StepMatrices.AsSpan(step.Scratch, 16).ToArray();
        var t = new double[16];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                t[(j * 4) + i] = m[(i * 4) + j];
            }
        }

        return new PauliKernels.BackwardPre(step.Qubit0, m, t, correlation);
    }

    /// <summary>Noisy ladders and brickworks whose rotation layers merge into CNOT, CZ and SWAP passes, with several channel kinds.</summary>
    private static IEnumerable<Circuit> Circuits(SeededRandom rng, int qubits)
    {
        yield return NoiseTestData.NoisyStandardWorkload(qubits);
        var models = new[]
        {
            new NoiseModel().AfterEach(NoiseChannel.PauliChannel(0.01, 0.02, 0.005), GateKind.RX, GateKind.RY, GateKind.RZ)
                .AfterEach(NoiseChannel.TwoQubitDepolarizing(0.02), GateKind.CZ, GateKind.SWAP, GateKind.CNOT),
            new NoiseModel().AfterEach(NoiseChannel.PhaseDamping(0.03), GateKind.RX, GateKind.RZ)
                .AfterEach(NoiseChannel.BitFlip(0.02), GateKind.RY)
                .AfterEach(NoiseChannel.TwoQubitPauliChannel(Enumerable.Range(0, 15).Select(k => 0.001 * (k % 4)).ToArray()), GateKind.CNOT),
        };
        foreach (var model in models)
        {
            for (int round = 0; round < 2; round++)
            {
                var c = new Circuit(qubits);
                for (int layer = 0; layer < 2; layer++)
                {
                    // Rotations on the qubits in a random order (so a pair's pre-steps come in either order), then
                    // two-qubit gates on random pairs (either orientation, qubit 0 included).
                    var order = Enumerable.Range(0, qubits).OrderBy(_ => rng.NextInt(1000)).ToArray();
                    foreach (int q in order)
                    {
                        switch (rng.NextInt(3))
                        {
                            case 0: c.RX(q, c.Weight()); break;
                            case 1: c.RY(q, c.Weight()).RZ(q, c.Weight()); break;
                            default: c.RZ(q, c.Weight()); break;
                        }
                    }

                    for (int g = 0; g < qubits; g++)
                    {
                        var pair = TestData.DistinctQubits(rng, qubits, 2);
                        switch (rng.NextInt(3))
                        {
                            case 0: c.CNOT(pair[0], pair[1]); break;
                            case 1: c.CZ(pair[0], pair[1]); break;
                            default: c.SWAP(pair[0], pair[1]); break;
                        }
                    }
                }

                yield return model.ApplyTo(c);
            }
        }
    }

    private static void AssertClose(double[] expected, double[] actual, string what, int qubits)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = 1e-12 * Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{qubits} qubits, {what}[{i}]: {actual[i]} against {expected[i]}");
        }
    }
}
