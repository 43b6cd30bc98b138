using System;
using System.Threading;
using System.Threading.Tasks;

namespace NegLR;

// The probe under noise: the same seeded initialisations and fixed merge order, with gradients from the density-matrix
// engine's adjoint method through every channel — the run-time counterpart of NLR0304 (noise-induced barren plateaus).
public static partial class BarrenPlateauProbe
{
    /// <summary>
    /// Draws <paramref name="samples"/> random weight vectors (uniform in [0, 2π), sample s from
    /// <see cref="SeededRandom.ForStream"/>(seed, s)) and measures ∂Tr(ρ̃O)/∂w_k of the noisy circuit for every weight k
    /// with <see cref="DensityMatrixSimulator"/> (exact adjoint gradients through the channels and the readout error):
    /// the mean and variance per weight, and the largest |∂/∂w_k| seen, which Wang et al.'s bound must exceed.
    /// </summary>
    /// <param name="circuit">The ideal circuit (channels it records itself are kept); needs at least one weight.</param>
    /// <param name="noise">The noise model placed on it (<see cref="NoiseModel.ApplyTo"/>).</param>
    /// <param name="observable">The cost O.</param>
    /// <param name="samples">Random initialisations (at least 2).</param>
    /// <param name="seed">Seed of the initialisations.</param>
    /// <param name="inputs">Data inputs held fixed (zeros when null).</param>
    /// <param name="workers">Threads (default: one per processor); the result does not depend on it.</param>
    /// <param name="cancellationToken">Stops the measurement between samples.</param>
    /// <exception cref="ArgumentException">No weights, too few samples, inputs or observable that do not fit, or a model that names a qubit the circuit lacks.</exception>
    public static NoisyGradientReport MeasureNoisy(Circuit circuit, NoiseModel noise, PauliSum observable, int samples = 200, ulong seed = 1,
        double[]? inputs = null, int workers = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(noise);
        ArgumentNullException.ThrowIfNull(observable);
        if (samples < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "A variance needs at least 2 samples.");
        }

        var simulator = new DensityMatrixSimulator(circuit, noise);
        int weights = simulator.WeightCount;
        if (weights == 0)
        {
            throw new ArgumentException("The circuit has no trainable weights, so it has no gradient to measure.", nameof(circuit));
        }

        var x = inputs ?? new double[simulator.InputCount];
        if (x.Length < simulator.InputCount)
        {
            throw new ArgumentException($"The circuit reads {simulator.InputCount} inputs, but {x.Length} were given.", nameof(inputs));
        }

        if (observable.MinQubits > circuit.Qubits)
        {
            throw new ArgumentException(
                $"The observable acts on qubit {observable.MinQubits - 1}, but the circuit has qubits 0 to {circuit.Qubits - 1}.", nameof(observable));
        }

        int blocks = (samples + BlockSize - 1) / BlockSize;
        var partials = new Moments[blocks];
        var largest = new double[blocks];
        int threads = Math.Min(workers > 0 ? workers : Environment.ProcessorCount, blocks);
        int nextBlock = -1;

        void Work()
        {
            var workspace = simulator.CreateWorkspace(forGradients: true);
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

                    simulator.EvaluateWithGradient(w, x, observable, g, workspace);
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

        var total = partials[0];
        double maxAbs = largest[0];
        for (int b = 1; b < blocks; b++)
        {
            total.Merge(partials[b]);
            maxAbs = Math.Max(maxAbs, largest[b]);
        }

        return new NoisyGradientReport(new GradientVarianceReport(circuit.Qubits, samples, seed, total.Mean, total.Variance()), maxAbs);
    }
}

/// <summary>What <see cref="BarrenPlateauProbe.MeasureNoisy"/> measured.</summary>
public sealed class NoisyGradientReport
{
    internal NoisyGradientReport(GradientVarianceReport report, double maxAbsGradient)
    {
        Report = report;
        MaxAbsGradient = maxAbsGradient;
    }

    /// <summary>Mean and variance of each weight's gradient over the initialisations.</summary>
    public GradientVarianceReport Report { get; }

    /// <summary>The largest |∂C/∂w_k| over every sample and weight: a point of the landscape Wang et al.'s bound must cover.</summary>
    public double MaxAbsGradient { get; }

    /// <summary>√(mean over weights of E[(∂C/∂w)²]) = √(mean (variance + mean²)): the typical gradient size.</summary>
    public double RootMeanSquareGradient
    {
        get
        {
            double sum = 0;
            for (int k = 0; k < Report.Variance.Length; k++)
            {
                sum += Report.Variance[k] + (Report.Mean[k] * Report.Mean[k]);
            }

            return Math.Sqrt(sum / Report.Variance.Length);
        }
    }
}
