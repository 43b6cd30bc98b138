using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// What the trainer minimises: the circuit's expectation value itself (VQE, QAOA: L = ⟨O⟩), a classification loss averaged
/// over a batch of data rows whose features feed the circuit's inputs (L = mean over the batch of ℓ(⟨O⟩(θ, x_i), y_i)), or
/// a <see cref="CustomLoss"/> of several observables' values and the rows' labels.
/// </summary>
public sealed class TrainingObjective
{
    /// <summary>Clamp of the predicted probability in cross-entropy, so ln never sees 0.</summary>
    public const double ProbabilityFloor = 1e-12;

    private readonly double[] _inputs;
    private readonly double[] _targets;
    private readonly double[] _labels;

    private TrainingObjective(double[] inputs, int featureCount, double[] targets, ClassificationLoss loss, LabelEncoding encoding,
        int batchSize, bool shuffle, bool isExpectation)
    {
        _inputs = inputs;
        _targets = targets;
        _labels = Array.Empty<double>();
        FeatureCount = featureCount;
        Loss = loss;
        Encoding = encoding;
        SampleCount = targets.Length;
        BatchSize = batchSize;
        Shuffle = shuffle;
        IsExpectation = isExpectation;
    }

    private TrainingObjective(CustomLoss custom, double[] inputs, int featureCount, double[] labels, int labelWidth, int rows, int batchSize, bool shuffle)
    {
        _inputs = inputs;
        _targets = new double[rows];
        _labels = labels;
        CustomLoss = custom;
        FeatureCount = featureCount;
        LabelWidth = labelWidth;
        SampleCount = rows;
        BatchSize = batchSize;
        Shuffle = shuffle;
    }

    /// <summary>Minimise ⟨O⟩ of a circuit without data inputs (one "sample", no labels).</summary>
    public static TrainingObjective Expectation { get; } =
        new(Array.Empty<double>(), 0, new double[1], ClassificationLoss.MeanSquaredError, LabelEncoding.PlusMinusOne, 1, false, true);

    /// <summary>
    /// A binary classification objective.
    /// </summary>
    /// <param name="features">Row-major features, <paramref name="featureCount"/> per row (copied).</param>
    /// <param name="featureCount">Values per row, at least the number of inputs the circuit reads.</param>
    /// <param name="labels">One label per row, in <paramref name="encoding"/> (copied).</param>
    /// <param name="loss">Per-sample loss; default mean squared error.</param>
    /// <param name="encoding">How labels are written; default ±1.</param>
    /// <param name="batchSize">Rows per step; 0 (default) or ≥ the row count means the full set every step.</param>
    /// <param name="shuffle">Reshuffle the rows (seeded) every epoch when batching; default true. Batches are taken in
    /// order from the shuffled rows; a last partial batch is dropped, so every step costs the same.</param>
    /// <exception cref="ArgumentException">Empty data, a row count that does not match the labels, a label outside the
    /// encoding, or a non-finite feature.</exception>
    public static TrainingObjective Classification(ReadOnlySpan<double> features, int featureCount, ReadOnlySpan<double> labels,
        ClassificationLoss loss = ClassificationLoss.MeanSquaredError, LabelEncoding encoding = LabelEncoding.PlusMinusOne,
        int batchSize = 0, bool shuffle = true)
    {
        if (featureCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(featureCount), featureCount, "featureCount must be at least 1 value per row.");
        }

        if (labels.IsEmpty)
        {
            throw new ArgumentException("A classification objective needs at least one labelled row.", nameof(labels));
        }

        if (features.Length != labels.Length * featureCount)
        {
            throw new ArgumentException(Invariant(
                $"{labels.Length} labels need {labels.Length} × {featureCount} = {labels.Length * featureCount} features (row-major), but {features.Length} were given."), nameof(features));
        }

        if (!Enum.IsDefined(loss))
        {
            throw new ArgumentOutOfRangeException(nameof(loss), loss, "Choose MeanSquaredError or CrossEntropy.");
        }

        if (!Enum.IsDefined(encoding))
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Choose PlusMinusOne or ZeroOne.");
        }

        if (batchSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be 0 (full set) or a positive number of rows.");
        }

        for (int i = 0; i < features.Length; i++)
        {
            if (!double.IsFinite(features[i]))
            {
                throw new ArgumentException(Invariant($"Feature {i % featureCount} of row {i / featureCount} is {features[i]}; features must be finite."), nameof(features));
            }
        }

        var targets = new double[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            double y = labels[i];
            bool valid = encoding == LabelEncoding.PlusMinusOne ? y is -1.0 or 1.0 : y is 0.0 or 1.0;
            if (!valid)
            {
                bool plusMinus = encoding == LabelEncoding.PlusMinusOne;
                throw new ArgumentException(Invariant(
                    $"Label {i} is {y}, but the encoding is {encoding} ({(plusMinus ? "−1 or +1" : "0 or 1")}); map the classes to {(plusMinus ? "−1/+1" : "0/1")} or pass encoding: LabelEncoding.{(plusMinus ? "ZeroOne" : "PlusMinusOne")}."), nameof(labels));
            }

            // Store what the loss needs: ±1 targets for MSE, 0/1 for cross-entropy.
            bool positive = y == 1.0;
            targets[i] = loss == ClassificationLoss.MeanSquaredError ? (positive ? 1.0 : -1.0) : (positive ? 1.0 : 0.0);
        }

        int batch = batchSize == 0 || batchSize >= labels.Length ? labels.Length : batchSize;
        return new TrainingObjective(features.ToArray(), featureCount, targets, loss, encoding, batch, shuffle && batch < labels.Length, false);
    }

    /// <summary>Jagged-array form of <see cref="Classification(ReadOnlySpan{double}, int, ReadOnlySpan{double}, ClassificationLoss, LabelEncoding, int, bool)"/>.</summary>
    public static TrainingObjective Classification(double[][] features, double[] labels,
        ClassificationLoss loss = ClassificationLoss.MeanSquaredError, LabelEncoding encoding = LabelEncoding.PlusMinusOne,
        int batchSize = 0, bool shuffle = true)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.Length == 0 || features[0] is null)
        {
            throw new ArgumentException("A classification objective needs at least one row of features.", nameof(features));
        }

        int width = features[0].Length;
        var flat = new double[features.Length * width];
        for (int r = 0; r < features.Length; r++)
        {
            if (features[r] is null || features[r].Length != width)
            {
                throw new ArgumentException(Invariant($"Row {r} has {features[r]?.Length ?? 0} features, but row 0 has {width}; every row needs the same count."), nameof(features));
            }

            features[r].CopyTo(flat, r * width);
        }

        return Classification(flat, width, labels, loss, encoding, batchSize, shuffle);
    }

    /// <summary>
    /// Minimise a <see cref="CustomLoss"/> of several observables without data (one "row", no labels): e.g. a VQE cost with
    /// a penalty, ⟨H⟩ + μ(⟨N⟩ − n)², or a fidelity 1 − ⟨P⟩. The trainer's observables must number
    /// <see cref="CustomLoss.ObservableCount"/>.
    /// </summary>
    public static TrainingObjective Custom(CustomLoss loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return new TrainingObjective(loss, Array.Empty<double>(), 0, Array.Empty<double>(), 0, 1, 1, false);
    }

    /// <summary>
    /// Minimise the batch mean of a <see cref="CustomLoss"/> over data rows: row r's features feed the circuit's inputs and
    /// its <paramref name="labelWidth"/> labels are passed to the loss as they are (any real numbers: ±1, one-hot vectors,
    /// regression targets).
    /// </summary>
    /// <param name="loss">ℓ(f, y) and its derivative.</param>
    /// <param name="features">Row-major features, <paramref name="featureCount"/> per row (copied).</param>
    /// <param name="featureCount">Values per row, at least the number of inputs the circuit reads.</param>
    /// <param name="labels">Row-major labels, <paramref name="labelWidth"/> per row (copied).</param>
    /// <param name="labelWidth">Labels per row, 0 or more.</param>
    /// <param name="batchSize">Rows per step; 0 (default) or ≥ the row count means the full set every step.</param>
    /// <param name="shuffle">Reshuffle the rows (seeded) every epoch when batching; default true.</param>
    /// <exception cref="ArgumentException">No rows, mismatched lengths, or a non-finite feature or label.</exception>
    public static TrainingObjective Custom(CustomLoss loss, ReadOnlySpan<double> features, int featureCount, ReadOnlySpan<double> labels,
        int labelWidth, int batchSize = 0, bool shuffle = true)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (featureCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(featureCount), featureCount, "featureCount must be at least 1 value per row.");
        }

        if (labelWidth < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(labelWidth), labelWidth, "labelWidth must be 0 or more labels per row.");
        }

        if (features.IsEmpty || features.Length % featureCount != 0)
        {
            throw new ArgumentException(Invariant(
                $"The features must be whole rows of {featureCount} values, but {features.Length} were given."), nameof(features));
        }

        int rows = features.Length / featureCount;
        if (labels.Length != rows * labelWidth)
        {
            throw new ArgumentException(Invariant(
                $"{rows} rows need {rows} × {labelWidth} = {rows * labelWidth} labels (row-major), but {labels.Length} were given."), nameof(labels));
        }

        if (batchSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be 0 (full set) or a positive number of rows.");
        }

        RequireFinite(features, featureCount, nameof(features), "Feature");
        if (labelWidth > 0)
        {
            RequireFinite(labels, labelWidth, nameof(labels), "Label");
        }

        int batch = batchSize == 0 || batchSize >= rows ? rows : batchSize;
        return new TrainingObjective(loss, features.ToArray(), featureCount, labels.ToArray(), labelWidth, rows, batch, shuffle && batch < rows);
    }

    /// <summary>True for <see cref="Expectation"/>.</summary>
    public bool IsExpectation { get; }

    /// <summary>The user's loss, or null for the built-in objectives.</summary>
    public CustomLoss? CustomLoss { get; }

    /// <summary>Whether this is a <see cref="CustomLoss"/> objective.</summary>
    public bool IsCustom => CustomLoss is not null;

    /// <summary>Labels per row of a custom objective (0 otherwise).</summary>
    public int LabelWidth { get; }

    /// <summary>Observables each row's loss reads: the custom loss's count, 1 for the built-in objectives.</summary>
    public int OutputCount => CustomLoss?.ObservableCount ?? 1;

    /// <summary>Rows of data (1 for <see cref="Expectation"/>).</summary>
    public int SampleCount { get; }

    /// <summary>Values per row (0 for <see cref="Expectation"/>).</summary>
    public int FeatureCount { get; }

    /// <summary>Rows per step.</summary>
    public int BatchSize { get; }

    /// <summary>Whether rows are reshuffled every epoch.</summary>
    public bool Shuffle { get; }

    /// <summary>The per-sample loss (classification only).</summary>
    public ClassificationLoss Loss { get; }

    /// <summary>The label encoding (classification only).</summary>
    public LabelEncoding Encoding { get; }

    /// <summary>The probability of class 1 (label +1 or 1) that the output f = ⟨O⟩ stands for: (1 + f)/2.</summary>
    public static double ProbabilityOfPositive(double expectation) => (1 + expectation) / 2;

    /// <summary>Row <paramref name="row"/>'s features.</summary>
    internal ReadOnlySpan<double> Features(int row) => _inputs.AsSpan(row * FeatureCount, FeatureCount);

    /// <summary>Row <paramref name="row"/>'s labels (custom objectives).</summary>
    internal ReadOnlySpan<double> Labels(int row) => _labels.AsSpan(row * LabelWidth, LabelWidth);

    /// <summary>
    /// ℓ for row <paramref name="row"/> from its observable values <paramref name="f"/> (length <see cref="OutputCount"/>),
    /// with ∂ℓ/∂f_j in <paramref name="derivatives"/>.
    /// </summary>
    internal double SampleLoss(int row, ReadOnlySpan<double> f, Span<double> derivatives)
    {
        if (CustomLoss is not null)
        {
            return CustomLoss.Evaluate(f, Labels(row), derivatives);
        }

        double value = SampleLoss(row, f[0], out double derivative);
        derivatives[0] = derivative;
        return value;
    }

    /// <summary>
    /// ℓ(f, y) for row <paramref name="row"/> and its derivative dℓ/df. For <see cref="Expectation"/>: ℓ = f, dℓ/df = 1.
    /// </summary>
    internal double SampleLoss(int row, double f, out double derivative)
    {
        if (CustomLoss is not null)
        {
            Span<double> one = stackalloc double[1];
            Span<double> d = stackalloc double[1];
            one[0] = f;
            double value = CustomLoss.Evaluate(one, Labels(row), d);
            derivative = d[0];
            return value;
        }

        if (IsExpectation)
        {
            derivative = 1;
            return f;
        }

        double y = _targets[row];
        if (Loss == ClassificationLoss.MeanSquaredError)
        {
            double difference = f - y;
            derivative = 2 * difference;
            return difference * difference;
        }

        double p = Math.Clamp((1 + f) / 2, ProbabilityFloor, 1 - ProbabilityFloor);
        derivative = (p - y) / (2 * p * (1 - p));
        return -((y * Math.Log(p)) + ((1 - y) * Math.Log(1 - p)));
    }

    private static void RequireFinite(ReadOnlySpan<double> values, int width, string parameter, string what)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(Invariant($"{what} {i % width} of row {i / width} is {values[i]}; every value must be finite."), parameter);
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
