using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;

namespace NegLR.Experiments.Datasets;

/// <summary>How raw features become rotation angles.</summary>
internal enum FeatureMap
{
    /// <summary>z-score on the training rows, then min–max to [0, π] (test values clipped).</summary>
    Scale,

    /// <summary>z-score, principal components of the training rows (the first <c>qubits</c>), then min–max to [0, π].</summary>
    Pca,

    /// <summary>Two features repeated to fill the register (x₁, x₂, x₁, x₂), min–max to [0, π].</summary>
    Repeat,

    /// <summary>Bits b ∈ {0, 1} as angles π·b.</summary>
    Bits,
}

/// <summary>A train/test split already mapped to angles, row-major, one angle per qubit.</summary>
internal sealed class PreparedData
{
    public required double[] TrainFeatures { get; init; }

    public required double[] TrainLabels { get; init; }

    public required double[] TestFeatures { get; init; }

    public required double[] TestLabels { get; init; }

    public required int Width { get; init; }

    public int TrainRows => TrainLabels.Length;

    public int TestRows => TestLabels.Length;
}

/// <summary>Seeded stratified split and feature maps, every statistic fitted on the training rows only.</summary>
internal static class Preprocessing
{
    /// <summary>
    /// Stratified random split: each class is shuffled with <paramref name="seed"/> and contributes its share (rounded)
    /// of <paramref name="trainRows"/> training rows and of <paramref name="testRows"/> test rows, disjoint. Asks for
    /// more rows than the dataset has are scaled down in proportion.
    /// </summary>
    public static (int[] Train, int[] Test) StratifiedSplit(Dataset data, int trainRows, int testRows, ulong seed)
    {
        int total = trainRows + testRows;
        if (total > data.Rows)
        {
            double f = (double)data.Rows / total;
            trainRows = (int)Math.Floor(trainRows * f);
            testRows = data.Rows - trainRows;
        }

        var random = new SeededRandom(seed);
        var train = new List<int>();
        var test = new List<int>();
        var classes = new[] { 1, -1 };
        int trainLeft = trainRows, testLeft = testRows;
        for (int c = 0; c < classes.Length; c++)
        {
            var rows = Enumerable.Range(0, data.Rows).Where(i => data.Labels[i] == classes[c]).ToArray();
            for (int i = rows.Length - 1; i > 0; i--)
            {
                int j = random.NextInt(i + 1);
                (rows[i], rows[j]) = (rows[j], rows[i]);
            }

            bool last = c == classes.Length - 1;
            double share = (double)rows.Length / data.Rows;
            int nTrain = last ? trainLeft : (int)Math.Round(trainRows * share);
            int nTest = last ? testLeft : (int)Math.Round(testRows * share);
            nTrain = Math.Min(nTrain, rows.Length);
            nTest = Math.Min(nTest, rows.Length - nTrain);
            train.AddRange(rows.Take(nTrain));
            test.AddRange(rows.Skip(nTrain).Take(nTest));
            trainLeft -= nTrain;
            testLeft -= nTest;
        }

        // Interleave the classes deterministically so batches (if any) are mixed.
        train.Sort();
        test.Sort();
        return (train.ToArray(), test.ToArray());
    }

    /// <summary>Splits and maps <paramref name="data"/> to <paramref name="qubits"/> angles per row.</summary>
    public static PreparedData Prepare(Dataset data, FeatureMap map, int qubits, int trainRows, int testRows, ulong seed)
    {
        var (train, test) = StratifiedSplit(data, trainRows, testRows, seed);
        double[][] xTrain = train.Select(i => data.Features[i]).ToArray();
        double[][] xTest = test.Select(i => data.Features[i]).ToArray();
        switch (map)
        {
            case FeatureMap.Bits:
                xTrain = xTrain.Select(r => r.Take(qubits).Select(b => Math.PI * b).ToArray()).ToArray();
                xTest = xTest.Select(r => r.Take(qubits).Select(b => Math.PI * b).ToArray()).ToArray();
                break;
            case FeatureMap.Repeat:
                (xTrain, xTest) = MinMaxToAngles(xTrain, xTest);
                xTrain = xTrain.Select(r => Repeat(r, qubits)).ToArray();
                xTest = xTest.Select(r => Repeat(r, qubits)).ToArray();
                break;
            case FeatureMap.Pca:
                (xTrain, xTest) = Standardize(xTrain, xTest);
                (xTrain, xTest) = PrincipalComponents(xTrain, xTest, qubits);
                (xTrain, xTest) = MinMaxToAngles(xTrain, xTest);
                break;
            default:
                (xTrain, xTest) = Standardize(xTrain, xTest);
                (xTrain, xTest) = MinMaxToAngles(xTrain, xTest);
                break;
        }

        int width = xTrain[0].Length;
        if (width != qubits)
        {
            throw new InvalidOperationException($"Dataset {data.Name} maps to {width} angles, but the circuit has {qubits} qubits.");
        }

        return new PreparedData
        {
            TrainFeatures = xTrain.SelectMany(r => r).ToArray(),
            TrainLabels = train.Select(i => (double)data.Labels[i]).ToArray(),
            TestFeatures = xTest.SelectMany(r => r).ToArray(),
            TestLabels = test.Select(i => (double)data.Labels[i]).ToArray(),
            Width = width,
        };
    }

    private static double[] Repeat(double[] row, int width)
    {
        var result = new double[width];
        for (int q = 0; q < width; q++)
        {
            result[q] = row[q % row.Length];
        }

        return result;
    }

    /// <summary>z-score with the training mean and (population) standard deviation; constant columns become 0.</summary>
    internal static (double[][] Train, double[][] Test) Standardize(double[][] train, double[][] test)
    {
        int d = train[0].Length;
        var mean = new double[d];
        var sd = new double[d];
        for (int j = 0; j < d; j++)
        {
            mean[j] = train.Average(r => r[j]);
            sd[j] = Math.Sqrt(train.Average(r => (r[j] - mean[j]) * (r[j] - mean[j])));
        }

        double[] Map(double[] r) => r.Select((v, j) => sd[j] > 0 ? (v - mean[j]) / sd[j] : 0).ToArray();
        return (train.Select(Map).ToArray(), test.Select(Map).ToArray());
    }

    /// <summary>
    /// Projects onto the <paramref name="k"/> leading eigenvectors of the training covariance (symmetric eigensolver),
    /// each eigenvector's sign fixed so its largest-magnitude entry is positive (deterministic output).
    /// </summary>
    internal static (double[][] Train, double[][] Test) PrincipalComponents(double[][] train, double[][] test, int k)
    {
        int d = train[0].Length;
        if (k >= d)
        {
            return (train, test);
        }

        var x = Matrix<double>.Build.DenseOfRowArrays(train);
        var means = x.ColumnSums() / x.RowCount;
        var centred = x.Clone();
        for (int i = 0; i < centred.RowCount; i++)
        {
            centred.SetRow(i, centred.Row(i) - means);
        }

        var covariance = centred.TransposeThisAndMultiply(centred) / Math.Max(1, x.RowCount - 1);
        var evd = covariance.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, d).OrderByDescending(i => evd.EigenValues[i].Real).ThenBy(i => i).Take(k).ToArray();
        var components = Matrix<double>.Build.Dense(d, k);
        for (int c = 0; c < k; c++)
        {
            var v = evd.EigenVectors.Column(order[c]);
            int arg = v.AbsoluteMaximumIndex();
            if (v[arg] < 0)
            {
                v = -v;
            }

            components.SetColumn(c, v);
        }

        double[][] Project(double[][] rows) => rows.Select(r =>
        {
            var centredRow = Vector<double>.Build.DenseOfArray(r) - means;
            return (centredRow * components).ToArray();
        }).ToArray();
        return (Project(train), Project(test));
    }

    /// <summary>Each column to [0, π] by the training minimum and maximum; test values are clipped to the range.</summary>
    internal static (double[][] Train, double[][] Test) MinMaxToAngles(double[][] train, double[][] test)
    {
        int d = train[0].Length;
        var min = new double[d];
        var max = new double[d];
        for (int j = 0; j < d; j++)
        {
            min[j] = train.Min(r => r[j]);
            max[j] = train.Max(r => r[j]);
        }

        double[] Map(double[] r) => r.Select((v, j) => max[j] > min[j] ? Math.Clamp((v - min[j]) / (max[j] - min[j]), 0, 1) * Math.PI : Math.PI / 2).ToArray();
        return (train.Select(Map).ToArray(), test.Select(Map).ToArray());
    }
}
