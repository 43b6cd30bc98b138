using System.Collections.Generic;
using System;
using System.Linq;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Datasets;

namespace NegLR.Experiments.Tests;

/// <summary>The problems are what they claim: exact energies, MaxCut values, datasets, splits and feature maps.</summary>
public class BenchmarkTests
{
    [Fact]
    public void Tfim_ExactEnergy_MatchesPfeutysClosedForm()
    {
        var b = VqeBenchmark.Tfim(6);
        // Closed form (Pfeuty 1970): periodic ring at h = J = 1, E0 = −2J / sin(π/(2N)).
        Assert.Equal(-2 / Math.Sin(Math.PI / 12), b.ExactEnergy, 9);
        Assert.Equal(b.ClosedForm!.Value, b.ExactEnergy, 9);
    }

    [Fact]
    public void H2_ExactEnergy_IsThePublishedElectronicGroundEnergy() =>
        Assert.Equal(Hamiltonians.H2Sto3gElectronicGroundEnergy, VqeBenchmark.H2().ExactEnergy, 9);

    [Theory]
    [InlineData("ring6", 6, 6)]
    [InlineData("ring8", 8, 8)]
    [InlineData("cube8", 12, 12)]
    [InlineData("petersen10", 15, 12)]
    [InlineData("complete5", 10, 6)]
    public void Graphs_EdgeCountsAndMaxCut(string name, int edges, int maxCut)
    {
        var (e, n) = Graphs.Get(name);
        Assert.Equal(edges, e.Length);
        Assert.Equal(maxCut, Graphs.BruteForceMaxCut(e, n));
        if (name is "cube8" or "petersen10")
        {
            Assert.All(Enumerable.Range(0, n), v => Assert.Equal(3, e.Count(x => x.U == v || x.V == v)));
        }
    }

    [Fact]
    public void Qaoa_P1Ring_ReachesTheRingOptimumThreeQuarters()
    {
        // Closed form (Farhi et al. arXiv:1411.4028; Wang et al., PRA 97, 022304 (2018)): rings at p = 1, ⟨C⟩/m = 1/2 + (1/4) sin 4β sin 2γ, maximal 3/4 at γ = π/4, β = π/8.
        var b = new QaoaBenchmark("ring6", 1);
        var instance = b.Create(0, BenchmarkSizes.Quick);
        var interpreter = new CircuitInterpreter(instance.Circuit);
        double loss = interpreter.Evaluate(new[] { Math.PI / 4, Math.PI / 8 }, instance.Observable, interpreter.CreateWorkspace());
        Assert.Equal(0.25, instance.Metric(loss), 12);
    }

    [Fact]
    public void Datasets_PublicCsvFiles_LoadAsBinaryProblems()
    {
        var iris = DatasetCatalog.Get("iris");
        Assert.Equal((100, 4, 50), (iris.Rows, iris.FeatureCount, iris.Positives));
        var wine = DatasetCatalog.Get("wine");
        Assert.Equal((130, 13, 59), (wine.Rows, wine.FeatureCount, wine.Positives));
        var cancer = DatasetCatalog.Get("breast-cancer");
        Assert.Equal((683, 9, 239), (cancer.Rows, cancer.FeatureCount, cancer.Positives));
        Assert.Equal(200, DatasetCatalog.Get("moons").Rows);
        Assert.Equal(100, DatasetCatalog.Get("circles").Positives);
        var parity = DatasetCatalog.Get("parity");
        Assert.All(Enumerable.Range(0, parity.Rows), i =>
            Assert.Equal(parity.Features[i].Sum() % 2 == 0 ? 1 : -1, parity.Labels[i]));
    }

    [Fact]
    public void Split_IsStratifiedDisjointAndSeeded()
    {
        var data = DatasetCatalog.Get("breast-cancer");
        var (train, test) = Preprocessing.StratifiedSplit(data, 80, 40, 9);
        Assert.Equal(80, train.Length);
        Assert.Equal(40, test.Length);
        Assert.Empty(train.Intersect(test));
        double share = (double)data.Positives / data.Rows;
        Assert.InRange(train.Count(i => data.Labels[i] > 0), (int)(80 * share) - 1, (int)(80 * share) + 1);
        Assert.Equal(train, Preprocessing.StratifiedSplit(data, 80, 40, 9).Train);
        Assert.NotEqual(train, Preprocessing.StratifiedSplit(data, 80, 40, 10).Train);
    }

    [Theory]
    [InlineData("wine", "Pca")]
    [InlineData("breast-cancer", "Pca")]
    [InlineData("iris", "Scale")]
    [InlineData("moons", "Repeat")]
    [InlineData("parity", "Bits")]
    public void Prepare_MapsEveryRowToFourAnglesInZeroToPi(string dataset, string mapName)
    {
        var map = Enum.Parse<FeatureMap>(mapName);
        var p = Preprocessing.Prepare(DatasetCatalog.Get(dataset), map, 4, 40, 30, 3);
        Assert.Equal(4, p.Width);
        Assert.Equal(40 * 4, p.TrainFeatures.Length);
        Assert.Equal(30 * 4, p.TestFeatures.Length);
        Assert.All(p.TrainFeatures.Concat(p.TestFeatures), v => Assert.InRange(v, 0, Math.PI));
        if (map != FeatureMap.Bits)
        {
            // Min–max on the training rows: every training column spans exactly [0, π].
            for (int j = 0; j < 4; j++)
            {
                var column = Enumerable.Range(0, 40).Select(r => p.TrainFeatures[(r * 4) + j]).ToArray();
                Assert.Equal(0, column.Min(), 12);
                Assert.Equal(Math.PI, column.Max(), 12);
            }
        }
    }

    [Fact]
    public void Pca_FirstComponentCarriesTheMostVariance()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new[] { i * 1.0, (i * 0.5) + (i % 3), (i % 2) * 0.1 }).ToArray();
        var (train, _) = Preprocessing.PrincipalComponents(rows, rows, 2);
        double Var(int j) => train.Select(r => r[j]).Aggregate((0.0, 0.0, 0), (a, v) => (a.Item1 + v, a.Item2 + (v * v), a.Item3 + 1), a => (a.Item2 / a.Item3) - Math.Pow(a.Item1 / a.Item3, 2));
        Assert.Equal(2, train[0].Length);
        Assert.True(Var(0) > Var(1));
    }

    [Fact]
    public void Catalog_QuickPresetIdsExistAndPatternsSelect()
    {
        Assert.All(BenchmarkCatalog.QuickIds, id => BenchmarkCatalog.Get(id));
        Assert.Equal(6 * 2 * 2 * 2, BenchmarkCatalog.Select("classification").Count);
        Assert.Equal(8, BenchmarkCatalog.Select("cls-iris-*").Count);
        Assert.Equal(5, BenchmarkCatalog.Select("bp").Count);
        Assert.Throws<ArgumentException>(() => BenchmarkCatalog.Select("nothing-here"));
    }

    [Fact]
    public void BarrenPlateauTestbed_StartsInsideThePlateau()
    {
        // At 10n layers the variance of ∂⟨Z0⟩/∂θ₁ over random starts is near the first weight's 2-design limit
        // d/(3(d² − 1)), far below the shallow-circuit value, at 8 qubits.
        var deep = Variance.VarianceRunner.Measure("random", "local", 8, 80, 150, 1, default)!;
        var shallow = Variance.VarianceRunner.Measure("random", "local", 8, 2, 150, 1, default)!;
        Assert.InRange(deep.VarianceFirst, deep.TwoDesignFirst / 3, deep.TwoDesignFirst * 3);
        Assert.True(shallow.VarianceFirst > 20 * deep.VarianceFirst);
    }
}

/// <summary>Barren-plateau testbeds: Cerezo's costs, structure instances, parametric ids.</summary>
public class PlateauTestbedTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(12)]
    public void FirstWeightLimit_IsTwoThirdsOfTheInteriorValueTimesDPlusOneOverD(int n)
    {
        double d = Math.Pow(2, n);
        Assert.Equal(d / (3 * ((d * d) - 1)), Variance.VariancePoint.FirstWeightLimit("random", n), 15);
        Assert.Equal(d / (2 * ((d * d) - 1)), Variance.VariancePoint.FirstWeightLimit("hea", n), 15);
        Assert.Equal(d * d / (2 * ((d * d) - 1) * (d + 1)), Variance.VariancePoint.InteriorWeightValue(n), 15);
        // McClean's first weight: 2/3 of the interior value, up to the factor (d + 1)/d.
        Assert.Equal(2.0 / 3 * (d + 1) / d, Variance.VariancePoint.FirstWeightLimit("random", n) / Variance.VariancePoint.InteriorWeightValue(n), 12);
    }

    [Fact]
    public void DeepRandomCircuits_FirstWeightVariance_SitsAtDOver3DSquaredMinusOne_NotAtTheInteriorValue()
    {
        // 4 qubits, 20n layers, 1,200 samples (600 random circuits): the measured Var ∂₁ agrees with d/(3(d² − 1)) =
        // 0.0209 and not with the interior weight's 0.0295 that the reference line used to show.
        var p = Variance.VarianceRunner.Measure("random", "local", 4, 80, 1200, 3, default)!;
        Assert.InRange((p.VarianceFirst - p.TwoDesignFirst) / p.VarianceFirstSe, -3, 3);
        Assert.True((p.TwoDesignInterior - p.VarianceFirst) / p.VarianceFirstSe > 3, $"{p.VarianceFirst} ± {p.VarianceFirstSe}");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void CerezoCosts_EqualTheProjectorFormulasOnARandomState(int n)
    {
        var bench = new Benchmarks.BarrenPlateauBenchmark(n, 4, cost: Benchmarks.PlateauCost.CerezoGlobal, instance: 2);
        var circuit = bench.BuildCircuit();
        var interpreter = new CircuitInterpreter(circuit);
        var weights = Benchmarks.BenchmarkCatalog.UniformAngles(circuit.WeightCount, 7);
        var state = new StateVector(n);
        interpreter.Prepare(weights, ReadOnlySpan<double>.Empty, state);
        var workspace = interpreter.CreateWorkspace();
        double p0 = state[0].Magnitude * state[0].Magnitude;
        Assert.Equal(1 - p0, interpreter.Evaluate(weights, Benchmarks.BarrenPlateauBenchmark.CerezoGlobal(n), workspace), 12);

        double local = 0;
        for (int q = 0; q < n; q++)
        {
            double zero = 0;
            for (int i = 0; i < (1 << n); i++)
            {
                if ((i >> q & 1) == 0)
                {
                    zero += state[i].Magnitude * state[i].Magnitude;
                }
            }

            local += zero;
        }

        Assert.Equal(1 - (local / n), interpreter.Evaluate(weights, Benchmarks.BarrenPlateauBenchmark.CerezoLocal(n), workspace), 12);
    }

    [Fact]
    public void StructureInstances_DifferFromEachOther_AndInstanceZeroIsThePaperGridsCircuit()
    {
        var legacy = (Benchmarks.BarrenPlateauBenchmark)Benchmarks.BenchmarkCatalog.Get("bp-random6");
        var s0 = (Benchmarks.BarrenPlateauBenchmark)Benchmarks.BenchmarkCatalog.Get("bp-random6-l60-zz-s0");
        var s1 = (Benchmarks.BarrenPlateauBenchmark)Benchmarks.BenchmarkCatalog.Get("bp-random6-l60-zz-s1");
        Assert.Equal(legacy.BuildCircuit().Gates.Select(g => g.ToString()), s0.BuildCircuit().Gates.Select(g => g.ToString()));
        Assert.NotEqual(s0.BuildCircuit().Gates.Select(g => g.ToString()), s1.BuildCircuit().Gates.Select(g => g.ToString()));
        Assert.Equal("bp-random6-l60-zz-s1", s1.Id);
        Assert.Equal(2, Benchmarks.BenchmarkCatalog.Select("bp-hea6-l6-cg-s0,bp-random6-l60-zz-s1").Count);
        Assert.Throws<ArgumentException>(() => Benchmarks.BenchmarkCatalog.Get("bp-hea6-l6-cg-s1"));
        Assert.Throws<ArgumentException>(() => Benchmarks.BenchmarkCatalog.Get("bp-random6-l60-xx-s0"));
    }

    [Fact]
    public void GlobalCost_DecaysExponentiallyWithQubits_LocalCostAtShallowDepthDoesNot()
    {
        // Var ∂C over random starts, HEA with 2 layers: from 4 to 8 qubits Cerezo's global cost loses far more gradient
        // variance than the local one (global: exponential in n at any depth; local: at most polynomial at depth O(log n)).
        double Variance(int n, Benchmarks.PlateauCost cost)
        {
            var b = new Benchmarks.BarrenPlateauBenchmark(n, 2, hardwareEfficient: true, cost: cost);
            var interpreter = new CircuitInterpreter(b.BuildCircuit());
            var observable = b.BuildObservable();
            var workspace = interpreter.CreateWorkspace();
            var g = new double[interpreter.WeightCount];
            var values = new List<double>();
            for (ulong s = 0; s < 40; s++)
            {
                interpreter.EvaluateWithGradient(Benchmarks.BenchmarkCatalog.UniformAngles(interpreter.WeightCount, s), observable, g, workspace);
                values.AddRange(g);
            }

            double mean = values.Average();
            return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        }

        double globalDrop = Variance(4, Benchmarks.PlateauCost.CerezoGlobal) / Variance(8, Benchmarks.PlateauCost.CerezoGlobal);
        double localDrop = Variance(4, Benchmarks.PlateauCost.CerezoLocal) / Variance(8, Benchmarks.PlateauCost.CerezoLocal);
        Assert.True(globalDrop > 4 * localDrop, $"global drop {globalDrop:G3}, local drop {localDrop:G3}");
    }
}
