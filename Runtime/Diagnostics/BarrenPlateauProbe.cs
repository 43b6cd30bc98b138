using System;
using System.Threading;
using System.Threading.Tasks;

namespace NegLR;

/// <summary>
/// Measures how barren a circuit's cost landscape is: the empirical variance of each weight's gradient over random
/// initialisations, every weight drawn uniformly from [0, 2π) (McClean et al. 2018, Nat. Commun. 9, 4812). It is the
/// run-time counterpart of the NLR03xx analyzers, which predict the same quantity at compile time.
/// </summary>
/// <remarks>
/// Gradients come from the adjoint method (exact, so the only noise is the sampling over initialisations). Sample
/// <c>s</c> draws its weights from <see cref="SeededRandom.ForStream"/>(seed, s) and samples are merged in a fixed order,
/// so the result is the same for any number of workers. Relative standard error of a per-weight variance is about
/// √(2 / (samples − 1)) for near-Gaussian gradients: 10 % at 200 samples; the averages over weights are steadier.
/// </remarks>
public static partial class BarrenPlateauProbe
{
    /// <summary>Samples merged per block: the unit of work a worker takes and of the fixed merge order.</summary>
    private const int BlockSize = 8;

    /// <summary>
    /// Draws <paramref name="samples"/> random weight vectors for <paramref name="circuit"/> and returns the mean and
    /// variance of ∂⟨O⟩/∂w_k for every weight k.
    /// </summary>
    /// <param name="circuit">The circuit; needs at least one weight.</param>
    /// <param name="observable">The cost O.</param>
    /// <param name="samples">Random initialisations (at least 2).</param>
    /// <param name="seed">Seed of the initialisations.</param>
    /// <param name="inputs">Data inputs held fixed while the weights vary (zeros when null).</param>
    /// <param name="workers">Threads to use (default: one per processor).</param>
    /// <param name="cancellationToken">Stops the measurement between samples.</param>
    /// <exception cref="ArgumentException">The circuit has no weights, too few samples, or the inputs or observable do not fit.</exception>
    public static GradientVarianceReport Measure(Circuit circuit, PauliSum observable, int samples = 200, ulong seed = 1,
        double[]? inputs = null, int workers = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        RequireSamples(samples);
        var interpreter = new CircuitInterpreter(circuit);
        var x = CheckedInputs(circuit, observable, interpreter.WeightCount, interpreter.InputCount, inputs);
        var (total, _) = Sample(interpreter.WeightCount, samples, seed, workers, () =>
        {
            var workspace = interpreter.CreateWorkspace(forGradients: true);
            return (w, g) => interpreter.EvaluateWithGradient(w, x, observable, g, workspace);
        }, cancellationToken);
        return new GradientVarianceReport(circuit.Qubits, samples, seed, total.Mean, total.Variance());
    }

    /// <summary>One worker's gradient at the weights <c>w</c>, written to <c>g</c> (the worker's own buffers inside).</summary>
    private delegate void GradientAt(double[] w, double[] g);

    private static void RequireSamples(int samples)
    {
        if (samples < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "A variance needs at least 2 samples.");
        }
    }

    /// <summary>The inputs to hold fixed (zeros when null), after checking the weights, inputs and observable fit the circuit.</summary>
    private static double[] CheckedInputs(Circuit circuit, PauliSum observable, int weights, int inputCount, double[]? inputs)
    {
        if (weights == 0)
        {
            throw new ArgumentException("The circuit has no trainable weights, so it has no gradient to measure.", nameof(circuit));
        }

        var x = inputs ?? new double[inputCount];
        if (x.Length < inputCount)
        {
            throw new ArgumentException($"The circuit reads {inputCount} inputs, but {x.Length} were given.", nameof(inputs));
        }

        if (observable.MinQubits > circuit.Qubits)
        {
            throw new ArgumentException(
                $"The observable acts on qubit {observable.MinQubits - 1}, but the circuit has qubits 0 to {circuit.Qubits - 1}.", nameof(observable));
        }

        return x;
    }

    /// <summary>
    /// The moments of the gradient over <paramref name="samples"/> seeded initialisations and the largest |∂/∂w_k| seen:
    /// blocks of <see cref="BlockSize"/> samples taken by the workers (each with the gradient function
    /// <paramref name="createWorker"/> makes for it) and merged in block order, so the result does not depend on which
    /// worker ran what.
    /// </summary>
    private static (Moments Total, double MaxAbs) Sample(int weights, int samples, ulong seed, int workers, Func<GradientAt> createWorker,
        CancellationToken cancellationToken)
    {
        int blocks = (samples + BlockSize - 1) / BlockSize;
        var partials = new Moments[blocks];
        var largest = new double[blocks];
        int threads = Math.Min(workers > 0 ? workers : Environment.ProcessorCount, blocks);
        int nextBlock = -1;

        void Work()
        {
            var gradientAt = createWorker();
            var w = new double[weights];
            var g = new double[weights];
            int block;
            while ((block = Interlocked.Increment(ref nextBlock)) < blocks)
            {
                var moments = new Moments(weights);
                double max = 0;
                int end = Math.Min(samples, (block + 1) * BlockSize);
                for (int s = block * BlockSize; s < end; s++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var random = SeededRandom.ForStream(seed, (ulong)s);
                    for (int k = 0; k < weights; k++)
                    {
                        w[k] = random.NextDouble(0, 2 * Math.PI);
                    }

                    gradientAt(w, g);
                    moments.Add(g);
                    foreach (double v in g)
                    {
                        max = Math.Max(max, Math.Abs(v));
                    }
                }

                partials[block] = moments;
                largest[block] = max;
            }
        }

        if (threads <= 1)
        {
            Work();
        }
        else
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, _ => Work());
        }

        // Merge in block order (Chan et al.'s pairwise update), so the result does not depend on which worker ran what.
        var total = partials[0];
        double maxAbs = largest[0];
        for (int b = 1; b < blocks; b++)
        {
            total.Merge(partials[b]);
            maxAbs = Math.Max(maxAbs, largest[b]);
        }

        return (total, maxAbs);
    }

    /// <summary>Running count, mean and sum of squared deviations per weight (Welford).</summary>
    private sealed class Moments
    {
        private readonly double[] _m2;
        private long _count;

        public Moments(int weights)
        {
            Mean = new double[weights];
            _m2 = new double[weights];
        }

        public double[] Mean { get; }

        public void Add(ReadOnlySpan<double> values)
        {
            _count++;
            for (int k = 0; k < values.Length; k++)
            {
                double delta = values[k] - Mean[k];
                Mean[k] += delta / _count;
                _m2[k] += delta * (values[k] - Mean[k]);
            }
        }

        public void Merge(Moments other)
        {
            long n = _count + other._count;
            for (int k = 0; k < Mean.Length; k++)
            {
                double delta = other.Mean[k] - Mean[k];
                Mean[k] += delta * other._count / n;
                _m2[k] += other._m2[k] + (delta * delta * _count * other._count / n);
            }

            _count = n;
        }

        /// <summary>The unbiased sample variance per weight.</summary>
        public double[] Variance()
        {
            var variance = new double[_m2.Length];
            for (int k = 0; k < variance.Length; k++)
            {
                variance[k] = _m2[k] / (_count - 1);
            }

            return variance;
        }
    }
}
