using System;

namespace NegLR;

// Losses and gradients on the current batch, and their cost. Every circuit run is counted where it happens, so the
// counters are what the step really spent. Two model paths: the single-observable model (generated ansätze and the
// interpreter, unchanged arithmetic), and the model of several observables or frozen weights (custom losses, layerwise).
internal sealed partial class TrainingLoop<TModel>
{
    /// <summary>The exact loss over every row (not counted): reporting only.</summary>
    public double ExactLoss(ReadOnlySpan<double> parameters)
    {
        if (parameters.Length != _n)
        {
            throw new ArgumentException(Invariant($"The circuit has {_n} weights, but {parameters.Length} parameters were given."), nameof(parameters));
        }

        double sum = 0;
        for (int row = 0; row < _objective.SampleCount; row++)
        {
            var x = _objective.Features(row);
            if (_observables is null)
            {
                double f = _model.Evaluate(parameters, x);
                sum += _objective.SampleLoss(row, f, out _);
            }
            else
            {
                _observables.Evaluate(parameters, x, _rowOutputs);
                sum += _objective.SampleLoss(row, _rowOutputs, _rowDerivatives);
            }
        }

        return sum / _objective.SampleCount;
    }

    /// <summary>The batch loss and gradient at <paramref name="parameters"/> by the resolved method.</summary>
    private double LossAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient) => Method switch
    {
        GradientMethod.FiniteDifference => FiniteDifference(parameters, gradient),
        GradientMethod.Spsa => SpsaEstimate(parameters, gradient),
        _ => _observables is null ? ChainRule(parameters, gradient) : ChainRuleObservables(parameters, gradient),
    };

    /// <summary>The batch loss alone, for optimizers that need no gradient: one counted evaluation per row.</summary>
    private double StartLoss(ReadOnlySpan<double> parameters)
    {
        double loss = EvaluateBatch(parameters, _outputs, out double error);
        _lossStandardError = error;
        return loss;
    }

    /// <summary>
    /// Per-row gradients of f = ⟨O⟩ (adjoint or parameter shift, exact or from shots), combined by the chain rule:
    /// ∇L = (1/B) Σ ℓ'(f_i) ∇f_i. For an expectation objective (B = 1, ℓ' = 1) this is ∇⟨O⟩ to the bit.
    /// </summary>
    private double ChainRule(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        gradient.Clear();
        int batch = _objective.BatchSize;
        double sum = 0, variance = 0;
        for (int k = 0; k < batch; k++)
        {
            int row = _order[_batchStart + k];
            var x = _objective.Features(row);
            double f, error = 0;
            if (_shotsPerEvaluation == 0)
            {
                if (Method == GradientMethod.Adjoint)
                {
                    f = _model.EvaluateWithGradient(parameters, x, _sampleGradient);
                    _evaluations += _options.AdjointEvaluationCost;
                }
                else
                {
                    f = _model.ParameterShiftGradient(parameters, x, _sampleGradient);
                    _evaluations += _model.ParameterShiftRuns + 1;
                }
            }
            else
            {
                var estimate = _model.EvaluateWithShots(parameters, x, _shotsPerEvaluation, _shotRandom);
                f = estimate.Value;
                error = estimate.StandardError;
                _shots += estimate.Shots;
                _shots += _model.ParameterShiftGradientWithShots(parameters, x, _shotsPerEvaluation, _shotRandom, _sampleGradient);
                _evaluations += _model.ParameterShiftRuns + 1;
            }

            _outputs[k] = f;
            sum += _objective.SampleLoss(row, f, out double derivative);
            variance += derivative * derivative * error * error;
            for (int j = 0; j < _n; j++)
            {
                gradient[j] += derivative * _sampleGradient[j];
            }
        }

        for (int j = 0; j < _n; j++)
        {
            gradient[j] /= batch;
        }

        _lossStandardError = Math.Sqrt(variance) / batch;
        return sum / batch;
    }

    /// <summary>
    /// The chain rule over several observables: per row, the values f_j (one circuit run, or its shot estimates), the loss
    /// and c_j = ∂ℓ/∂f_j, then one gradient of Σ_j c_j⟨O_j⟩ (one adjoint pass, or one set of shifted runs).
    /// </summary>
    private double ChainRuleObservables(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        var model = _observables!;
        gradient.Clear();
        int batch = _objective.BatchSize;
        double sum = 0, variance = 0;
        for (int k = 0; k < batch; k++)
        {
            int row = _order[_batchStart + k];
            var x = _objective.Features(row);
            if (_shotsPerEvaluation == 0)
            {
                model.Evaluate(parameters, x, _rowOutputs);
                sum += _objective.SampleLoss(row, _rowOutputs, _rowDerivatives);
                if (Method == GradientMethod.Adjoint)
                {
                    model.Backward(parameters, x, _rowDerivatives, gradient);
                    _evaluations += _options.AdjointEvaluationCost;
                }
                else
                {
                    model.ShiftGradient(parameters, x, _rowDerivatives, gradient);
                    _evaluations += model.ParameterShiftRuns + 1;
                }
            }
            else
            {
                _shots += model.EvaluateWithShots(parameters, x, _shotsPerEvaluation, _shotRandom, _rowOutputs, _rowErrors);
                sum += _objective.SampleLoss(row, _rowOutputs, _rowDerivatives);
                _shots += model.ShiftGradientWithShots(parameters, x, _rowDerivatives, _shotsPerEvaluation, _shotRandom, gradient);
                _evaluations += model.ParameterShiftRuns + 1;
                for (int j = 0; j < _m; j++)
                {
                    variance += _rowDerivatives[j] * _rowDerivatives[j] * _rowErrors[j] * _rowErrors[j];
                }
            }

            _rowOutputs.CopyTo(_outputs.AsSpan(k * _m, _m));
        }

        for (int j = 0; j < _n; j++)
        {
            gradient[j] /= batch;
        }

        _lossStandardError = Math.Sqrt(variance) / batch;
        return sum / batch;
    }

    /// <summary>Central differences of the batch loss: 2 runs per trainable weight and row, plus 1 per row for the loss.</summary>
    private double FiniteDifference(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        double h = _options.FiniteDifferenceStep;
        double loss = EvaluateBatch(parameters, _outputs, out double error);
        _lossStandardError = error;
        parameters.CopyTo(_shifted);
        for (int j = 0; j < _n; j++)
        {
            if (!IsTrainableWeight(j))
            {
                gradient[j] = 0;
                continue;
            }

            _shifted[j] = parameters[j] + h;
            double plus = BatchLoss(_shifted, out _);
            _shifted[j] = parameters[j] - h;
            double minus = BatchLoss(_shifted, out _);
            _shifted[j] = parameters[j];
            gradient[j] = (plus - minus) / (2 * h);
        }

        return loss;
    }

    /// <summary>
    /// SPSA on the batch loss: 2 runs per row. With an <see cref="Spsa"/> optimizer its c_t and generator are used, so the
    /// trainer reproduces <see cref="Spsa.Step(Span{double}, ObjectiveFunction)"/> exactly. Frozen weights are not perturbed.
    /// </summary>
    private double SpsaEstimate(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        double c;
        if (_spsa is not null)
        {
            c = _spsa.Perturbation(_spsa.StepCount);
            _spsa.DrawPerturbation(_delta);
        }
        else
        {
            c = _options.SpsaPerturbation;
            for (int j = 0; j < _n; j++)
            {
                _delta[j] = _spsaRandom.NextSign();
            }
        }

        for (int j = 0; j < _n; j++)
        {
            _shifted[j] = parameters[j] + (IsTrainableWeight(j) ? c * _delta[j] : 0);
        }

        double plus = BatchLoss(_shifted, out double plusError);
        for (int j = 0; j < _n; j++)
        {
            _shifted[j] = parameters[j] - (IsTrainableWeight(j) ? c * _delta[j] : 0);
        }

        double minus = BatchLoss(_shifted, out double minusError);
        Spsa.GradientFromDifference(plus, minus, c, _delta, gradient);
        for (int j = 0; j < _n; j++)
        {
            if (!IsTrainableWeight(j))
            {
                gradient[j] = 0;
            }
        }

        _lossStandardError = Math.Sqrt((plusError * plusError) + (minusError * minusError)) / 2;
        return (plus + minus) / 2;
    }

    /// <summary>The batch loss, exact or from shots; one counted circuit evaluation per row.</summary>
    private double BatchLoss(ReadOnlySpan<double> parameters, out double standardError)
    {
        if (_observables is null)
        {
            // The single-observable path keeps its original arithmetic (no outputs kept).
            int batch = _objective.BatchSize;
            double sum = 0, variance = 0;
            for (int k = 0; k < batch; k++)
            {
                int row = _order[_batchStart + k];
                sum += RowLoss(parameters, row, out double error, out _);
                variance += error * error;
            }

            standardError = Math.Sqrt(variance) / batch;
            return sum / batch;
        }

        return EvaluateBatch(parameters, _trialOutputs, out standardError);
    }

    /// <summary>One row's loss on the single-observable model, counted; its standard error by the delta method.</summary>
    private double RowLoss(ReadOnlySpan<double> parameters, int row, out double standardError, out double f)
    {
        var x = _objective.Features(row);
        standardError = 0;
        if (_shotsPerEvaluation == 0)
        {
            f = _model.Evaluate(parameters, x);
        }
        else
        {
            var estimate = _model.EvaluateWithShots(parameters, x, _shotsPerEvaluation, _shotRandom);
            f = estimate.Value;
            _shots += estimate.Shots;
            standardError = estimate.StandardError;
        }

        _evaluations++;
        double loss = _objective.SampleLoss(row, f, out double derivative);
        standardError *= Math.Abs(derivative);
        return loss;
    }

    /// <summary>
    /// Every batch row's observable values at <paramref name="parameters"/> into <paramref name="outputs"/> (B × m), and the
    /// batch loss: one counted circuit evaluation per row.
    /// </summary>
    private double EvaluateBatch(ReadOnlySpan<double> parameters, Span<double> outputs, out double standardError)
    {
        int batch = _objective.BatchSize;
        double sum = 0, variance = 0;
        for (int k = 0; k < batch; k++)
        {
            int row = _order[_batchStart + k];
            var f = outputs.Slice(k * _m, _m);
            double loss = EvaluateRow(parameters, row, f, out double rowVariance);
            sum += loss;
            variance += rowVariance;
        }

        standardError = Math.Sqrt(variance) / batch;
        return sum / batch;
    }

    /// <summary>One row's observable values (exact or shots), counted; returns ℓ and the variance of its estimate.</summary>
    private double EvaluateRow(ReadOnlySpan<double> parameters, int row, Span<double> f, out double variance)
    {
        var x = _objective.Features(row);
        variance = 0;
        if (_observables is null)
        {
            double loss = RowLoss(parameters, row, out double error, out f[0]);
            variance = error * error;
            return loss;
        }

        if (_shotsPerEvaluation == 0)
        {
            _observables.Evaluate(parameters, x, f);
        }
        else
        {
            _shots += _observables.EvaluateWithShots(parameters, x, _shotsPerEvaluation, _shotRandom, f, _rowErrors);
        }

        _evaluations++;
        double value = _objective.SampleLoss(row, f, _rowDerivatives);
        if (_shotsPerEvaluation > 0)
        {
            for (int j = 0; j < _m; j++)
            {
                variance += _rowDerivatives[j] * _rowDerivatives[j] * _rowErrors[j] * _rowErrors[j];
            }
        }

        return value;
    }
}
