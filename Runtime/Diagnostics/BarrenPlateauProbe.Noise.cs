using System;
using System.Threading;

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
        RequireSamples(samples);
        var simulator = new DensityMatrixSimulator(circuit, noise);
        var x = CheckedInputs(circuit, observable, simulator.WeightCount, simulator.InputCount, inputs);
        var (total, maxAbs) = Sample(simulator.WeightCount, samples, seed, workers, () =>
        {
            var workspace = simulator.CreateWorkspace(forGradients: true);
            return (w, g) => simulator.EvaluateWithGradient(w, x, observable, g, workspace);
        }, cancellationToken);
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
