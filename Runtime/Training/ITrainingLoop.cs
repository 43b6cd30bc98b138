using System;
using System.Threading;

namespace NegLR;

/// <summary>The generic loop behind the public trainers (one implementation per model type).</summary>
internal interface ITrainingLoop
{
    GradientMethod Method { get; }

    long EvaluationsPerStep { get; }

    long ShotsPerStep { get; }

    long RoundTripsPerStep { get; }

    CircuitStructure Structure { get; }

    TrainingResult Run(Span<double> parameters, CancellationToken cancellationToken);

    TrainingResult Resume(string checkpointPath, Span<double> parameters, CancellationToken cancellationToken);

    double ExactLoss(ReadOnlySpan<double> parameters);
}
