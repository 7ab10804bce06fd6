// Validates prometheus-operator and KEDA resources with the JSON Schema validators that the
// @kubernetes-models packages compile from those projects' CRDs. The packages are ES modules only, which
// the CommonJS test runner cannot load, so validate-objects.ts runs this file in a child process:
// stdin is a JSON array of objects, stdout a JSON array of `{ index, message }`, one per invalid object.
import { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';

const models = {
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
  'monitoring.coreos.com/v1/PodMonitor': PodMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
  'keda.sh/v1alpha1/TriggerAuthentication': TriggerAuthentication,
};

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const issues = [];
  JSON.parse(input).forEach((object, index) => {
    const Model = models[`${object.apiVersion}/${object.kind}`];
    if (!Model) {
      issues.push({ index, message: `no schema for ${object.apiVersion} ${object.kind}` });
      return;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      issues.push({ index, message: error instanceof Error ? error.message : String(error) });
    }
  });
  process.stdout.write(JSON.stringify(issues));
});
