using System;

namespace NegLR;

// Random restarts within one budget: segment k may spend up to (k + 1)/R of the budget that splits the run, ends with one
// counted evaluation of the full-data loss, and the run returns the segment with the lowest such loss.
internal sealed partial class TrainingLoop<TModel>
{
    private readonly double[] _bestSegmentParameters;

    // Run state (in the checkpoint).
    private int _segment;
    private bool _segmentFinished;
    private int _bestSegment = -1;
    private double _bestSegmentLoss = double.PositiveInfinity;

    private bool Restarting => _options.Restarts > 1;

    /// <summary>Evaluations reserved for a segment's closing evaluation (every data row once).</summary>
    private long SelectionEvaluations => Restarting ? _objective.SampleCount : 0;

    private long SelectionRoundTrips => Restarting ? 1 : 0;

    private void ResetSegments()
    {
        _segment = 0;
        _segmentFinished = false;
        _bestSegment = -1;
        _bestSegmentLoss = double.PositiveInfinity;
        Array.Clear(_bestSegmentParameters);
    }

    /// <summary>Whether the current segment may take one more step and still afford its closing evaluation.</summary>
    private bool SegmentHasRoom()
    {
        int segments = _options.Restarts;
        if (_segment >= segments - 1)
        {
            return true; // the last segment is bounded by the run's own budgets
        }

        long step = EvaluationsPerStep + SelectionEvaluations;
        if (_options.MaxCircuitEvaluations is long evaluations)
        {
            return _evaluations + step <= Share(evaluations);
        }

        if (_options.MaxShots is long shots)
        {
            return _shots + (step * _shotsPerEvaluation) <= Share(shots);
        }

        if (_options.MaxRoundTrips is long trips)
        {
            return _roundTrips + RoundTripsPerStep + SelectionRoundTrips <= Share(trips);
        }

        return _iteration + 1 <= Share(_options.MaxSteps);
    }

    /// <summary>⌊total · (k + 1) / R⌋ for the current segment k, without overflow.</summary>
    private long Share(long total) => (long)((Int128)total * (_segment + 1) / _options.Restarts);

    /// <summary>Closes the current segment: keep-best applied, then its full-data loss evaluated (counted) if the budgets allow.</summary>
    private void FinishSegment(Span<double> parameters)
    {
        if (_segmentFinished)
        {
            return;
        }

        _segmentFinished = true;
        if (_keepsBest is { KeepsBest: true })
        {
            _keepsBest.TryCopyBest(parameters);
        }

        long evaluations = SelectionEvaluations;
        bool fits = (_options.MaxCircuitEvaluations is not long e || _evaluations + evaluations <= e)
            && (_options.MaxShots is not long s || _shots + (evaluations * _shotsPerEvaluation) <= s)
            && (_options.MaxRoundTrips is not long r || _roundTrips + 1 <= r);
        if (!fits)
        {
            return; // a segment too short to be evaluated cannot be chosen
        }

        double loss = SelectionLoss(parameters);
        if (loss < _bestSegmentLoss)
        {
            _bestSegmentLoss = loss;
            _bestSegment = _segment;
            parameters.CopyTo(_bestSegmentParameters);
        }
    }

    /// <summary>Starts the next segment from the restart initializer's weights, with a freshly reset optimizer.</summary>
    private void StartNextSegment(Span<double> parameters)
    {
        _segment++;
        _segmentFinished = false;
        var random = SeededRandom.ForStream(_options.Seed, 1000 + (ulong)_segment);
        _options.RestartInitialization.Initialize(parameters, Structure, random);
        for (int i = 0; i < parameters.Length; i++)
        {
            if (!double.IsFinite(parameters[i]))
            {
                throw new InvalidOperationException(Invariant(
                    $"The restart initializer {_options.RestartInitialization.Name} wrote {parameters[i]} for weight {i}; it must write finite weights."));
            }
        }

        _optimizer.Reset();
        _patienceReference = double.PositiveInfinity;
        _sinceImprovement = 0;
    }

    /// <summary>Copies the chosen segment's parameters into <paramref name="parameters"/>; false when none was evaluated.</summary>
    private bool SelectBestSegment(Span<double> parameters)
    {
        if (_bestSegment < 0)
        {
            return false;
        }

        _bestSegmentParameters.CopyTo(parameters);
        return true;
    }

    /// <summary>The loss over every data row, exact or from shots: counted, one round trip.</summary>
    private double SelectionLoss(ReadOnlySpan<double> parameters)
    {
        double sum = 0;
        for (int row = 0; row < _objective.SampleCount; row++)
        {
            var x = _objective.Features(row);
            if (_observables is null)
            {
                double f;
                if (_shotsPerEvaluation == 0)
                {
                    f = _model.Evaluate(parameters, x);
                }
                else
                {
                    var estimate = _model.EvaluateWithShots(parameters, x, _shotsPerEvaluation, _shotRandom);
                    f = estimate.Value;
                    _shots += estimate.Shots;
                }

                sum += _objective.SampleLoss(row, f, out _);
            }
            else
            {
                if (_shotsPerEvaluation == 0)
                {
                    _observables.Evaluate(parameters, x, _rowOutputs);
                }
                else
                {
                    _shots += _observables.EvaluateWithShots(parameters, x, _shotsPerEvaluation, _shotRandom, _rowOutputs, _rowErrors);
                }

                sum += _objective.SampleLoss(row, _rowOutputs, _rowDerivatives);
            }

            _evaluations++;
        }

        _roundTrips++;
        return sum / _objective.SampleCount;
    }
}
