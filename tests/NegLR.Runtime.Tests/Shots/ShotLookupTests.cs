using System;
using System.Linq;
using NegLR.Tests.Observables;

namespace NegLR.Tests.Shots;

/// <summary>
/// The shot estimator's per-group tables (<see cref="GroupLookup"/>) and the sampler's branch-free search are speed-ups
/// only: every estimate must be the same bits as deriving each shot's value and each amplitude's pattern afresh, and
/// every draw the index a plain scan of the table picks, for the same seed.
/// </summary>
public class ShotLookupTests
{
    /// <summary>Observables that reach both paths: counted groups (≤ 4 terms) and shot-by-shot ones (up to 2^n terms).</summary>
    [Theory]
    [InlineData("0.9 Z0", 3)]
    [InlineData("0.5 Z0 + 0.3 Z0 Z1 - 0.8 Z2 + 0.25 Z1 Z2", 3)]
    [InlineData("0.5 Z0 + 0.3 Z0 Z1 - 0.8 Z2 + 0.25 Z1 Z2 + 0.6 Z3 - 0.1 X0 X1 + 0.2 Y2", 5)]
    [InlineData("0.2 Z0 + 0.2 Z1 + 0.2 Z2 + 0.2 Z3 + 0.2 Z4 + 0.2 Z5", 6)]
    public void TablesGiveTheSameBits_AsDerivingEveryShot(string observable, int qubits)
    {
        var obs = PauliSum.Parse(observable);
        AssertSameBits(obs, qubits);
    }

    /// <summary>The study's global cost, 1 − |0…0⟩⟨0…0| on 6 qubits: 64 Z-strings in one group, all sampled shot by shot.</summary>
    [Fact]
    public void GlobalProjector_GivesTheSameBits_AsDerivingEveryShot()
    {
        const int qubits = 6;
        double c = -1.0 / (1 << qubits);
        var obs = new PauliSum(Enumerable.Range(1, (1 << qubits) - 1).Select(mask => new PauliTerm(c, 0, mask)), 1 + c);
        Assert.Equal((1 << qubits) - 1, new ShotEstimator(obs, qubits).Groups[0].Terms.Length);
        AssertSameBits(obs, qubits);
    }

    [Fact]
    public void Draw_PicksTheIndexAPlainScanPicks_OnTablesWithZeroProbabilityRuns()
    {
        var random = new SeededRandom(17);
        foreach (int size in new[] { 1, 2, 3, 5, 8, 64, 1000 })
        {
            var table = new double[size];
            double total = 0;
            for (int i = 0; i < size; i++)
            {
                // About a third of the outcomes have probability zero, in runs, as a sparse state's have.
                double p = random.NextDouble() < 0.35 ? 0 : random.NextDouble();
                total += p;
                table[i] = total;
            }

            if (total == 0)
            {
                table[^1] = total = 1;
            }

            var a = new SeededRandom((ulong)size);
            var b = new SeededRandom((ulong)size);
            for (int s = 0; s < 2000; s++)
            {
                double u = b.NextDouble() * total;
                int expected = 0;
                while (!(table[expected] > (u >= total ? Math.BitDecrement(total) : u)))
                {
                    expected++;
                }

                Assert.Equal(expected, ShotSampler.Draw(table, total, a));
            }
        }
    }

    [Fact]
    public void IndexAbove_OnAnEntryItself_SkipsEveryEntryEqualToIt()
    {
        // Entries equal to u do not exceed it: zero-probability outcomes (repeated entries) are never drawn.
        double[] table = { 0.25, 0.25, 0.5, 0.5, 0.5, 0.75, 1 };
        Assert.Equal(0, ShotSampler.IndexAbove(table, 0));
        Assert.Equal(2, ShotSampler.IndexAbove(table, 0.25));
        Assert.Equal(5, ShotSampler.IndexAbove(table, 0.5));
        Assert.Equal(6, ShotSampler.IndexAbove(table, 0.75));
        Assert.Equal(6, ShotSampler.IndexAbove(table, Math.BitDecrement(1.0)));
        Assert.Equal(0, ShotSampler.IndexAbove(new[] { 1.0 }, 0.5));
    }

    private static void AssertSameBits(PauliSum obs, int qubits)
    {
        var fast = new ShotEstimator(obs, qubits);
        var slow = new ShotEstimator(obs, qubits) { WithoutLookups = true };
        var fastWorkspace = fast.CreateWorkspace();
        var slowWorkspace = slow.CreateWorkspace();
        for (int trial = 0; trial < 20; trial++)
        {
            var psi = ObservableTestStates.Random(qubits, seed: (ulong)(100 + trial));
            int shots = fast.MinimumShots + (trial * 37);
            var x = fast.Estimate(psi, shots, new SeededRandom((ulong)trial), fastWorkspace);
            var y = slow.Estimate(psi, shots, new SeededRandom((ulong)trial), slowWorkspace);
            Assert.Equal(BitConverter.DoubleToInt64Bits(y.Value), BitConverter.DoubleToInt64Bits(x.Value));
            Assert.Equal(BitConverter.DoubleToInt64Bits(y.StandardError), BitConverter.DoubleToInt64Bits(x.StandardError));
            Assert.Equal(y.Shots, x.Shots);
        }
    }
}
