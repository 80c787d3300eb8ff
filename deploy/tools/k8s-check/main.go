// k8s-check renders a kustomization the way `kubectl apply -k` would (sigs.k8s.io/kustomize,
// krusty) and validates every object without a cluster and without downloaded schemas:
//
//   - each object is decoded STRICTLY into its typed struct from k8s.io/api (an unknown or
//     misspelt field, a wrong type or an unknown kind is an error);
//   - object metadata, labels and selectors pass apimachinery's own validation;
//   - cross-object checks a cluster would only reveal at run time: selectors select pods,
//     probes, resources and a non-root user on every container, Services, HPAs, PDBs,
//     NetworkPolicies and Ingresses point at things that exist, referenced ConfigMaps and
//     Secrets are in the render.
//
// Usage: k8s-check [-external-secret name]... <kustomization dir>. Secrets named with
// -external-secret are created outside git (by an operator, a vault sync or kubectl) and so
// are not in the render; references to any other missing Secret are errors. Prints the rendered objects as a JSON array on stdout
// (for the tests' project-specific assertions), or every problem on stderr and exit code 1.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	metavalidation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

// The kinds our manifests may use. Anything else is refused rather than waved through.
func newScheme() *runtime.Scheme {
	s := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{
		corev1.AddToScheme, appsv1.AddToScheme, autoscalingv2.AddToScheme, policyv1.AddToScheme,
		networkingv1.AddToScheme, batchv1.AddToScheme, rbacv1.AddToScheme,
	} {
		if err := add(s); err != nil {
			panic(err)
		}
	}
	return s
}

type problems []string

func (p *problems) add(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

// workload is a pod template owner (Deployment, StatefulSet) with the facts other objects check against.
type workload struct {
	kind, namespace, name string
	podLabels             map[string]string
	spec                  corev1.PodSpec
	replicas              int32
}

type rendered struct {
	objects    []runtime.Object
	raw        []map[string]any
	workloads  []workload
	configMaps map[string]bool // namespace/name
	secrets    map[string]bool
	services   map[string]*corev1.Service
}

func main() {
	var external stringList
	flag.Var(&external, "external-secret", "a Secret provided outside the manifests (repeatable)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: k8s-check [-external-secret name]... <kustomization dir>")
		os.Exit(2)
	}
	out, errs := check(flag.Arg(0), external)
	if len(errs) > 0 {
		sort.Strings(errs)
		fmt.Fprintf(os.Stderr, "k8s manifests invalid (%d problems):\n", len(errs))
		for _, e := range errs {
			fmt.Fprintln(os.Stderr, "  -", e)
		}
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func check(dir string, externalSecrets []string) ([]map[string]any, problems) {
	var errs problems
	k := krusty.MakeKustomizer(krusty.MakeDefaultOptions())
	resMap, err := k.Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		errs.add("kustomize build %s: %v", dir, err)
		return nil, errs
	}
	scheme := newScheme()
	decoder := serializer.NewCodecFactory(scheme, serializer.EnableStrict).UniversalDeserializer()
	r := rendered{configMaps: map[string]bool{}, secrets: map[string]bool{}, services: map[string]*corev1.Service{}}
	externals := map[string]bool{}
	for _, name := range externalSecrets {
		externals[name] = true
	}

	for _, res := range resMap.Resources() {
		id := fmt.Sprintf("%s %s", res.GetKind(), res.GetName())
		js, err := res.MarshalJSON()
		if err != nil {
			errs.add("%s: %v", id, err)
			continue
		}
		obj, _, err := decoder.Decode(js, nil, nil)
		if err != nil {
			// Strict decoding: unknown fields, duplicate fields, wrong types, unknown kinds.
			errs.add("%s: %v", id, err)
			continue
		}
		var m map[string]any
		_ = json.Unmarshal(js, &m)
		r.objects = append(r.objects, obj)
		r.raw = append(r.raw, m)
		collect(&r, obj)
	}
	// External secrets live in the namespace of whatever refers to them.
	for _, w := range r.workloads {
		for name := range externals {
			r.secrets[key(w.namespace, name)] = true
		}
	}
	for _, obj := range r.objects {
		validateObject(&errs, &r, obj)
	}
	return r.raw, errs
}

func key(ns, name string) string { return ns + "/" + name }

func collect(r *rendered, obj runtime.Object) {
	switch o := obj.(type) {
	case *appsv1.Deployment:
		r.workloads = append(r.workloads, workload{"Deployment", o.Namespace, o.Name, o.Spec.Template.Labels, o.Spec.Template.Spec, replicasOf(o.Spec.Replicas)})
	case *appsv1.StatefulSet:
		r.workloads = append(r.workloads, workload{"StatefulSet", o.Namespace, o.Name, o.Spec.Template.Labels, o.Spec.Template.Spec, replicasOf(o.Spec.Replicas)})
	case *corev1.ConfigMap:
		r.configMaps[key(o.Namespace, o.Name)] = true
	case *corev1.Secret:
		r.secrets[key(o.Namespace, o.Name)] = true
	case *corev1.Service:
		r.services[key(o.Namespace, o.Name)] = o
	}
}

func replicasOf(p *int32) int32 {
	if p == nil {
		return 1
	}
	return *p
}

func validateMeta(errs *problems, id string, meta metav1.ObjectMeta, namespaced bool) {
	for _, e := range apivalidation.ValidateObjectMeta(&meta, namespaced, apivalidation.NameIsDNSSubdomain, field.NewPath("metadata")) {
		errs.add("%s: %v", id, e)
	}
}

func validateSelector(errs *problems, id string, sel *metav1.LabelSelector, path string) labels.Selector {
	if sel == nil {
		errs.add("%s: %s is missing", id, path)
		return labels.Nothing()
	}
	for _, e := range metavalidation.ValidateLabelSelector(sel, metavalidation.LabelSelectorValidationOptions{}, field.NewPath(path)) {
		errs.add("%s: %v", id, e)
	}
	s, err := metav1.LabelSelectorAsSelector(sel)
	if err != nil {
		errs.add("%s: %s: %v", id, path, err)
		return labels.Nothing()
	}
	return s
}

// matching returns the workloads in a namespace whose pods a selector picks.
func (r *rendered) matching(ns string, sel labels.Selector) []workload {
	var out []workload
	for _, w := range r.workloads {
		if w.namespace == ns && sel.Matches(labels.Set(w.podLabels)) {
			out = append(out, w)
		}
	}
	return out
}

func (r *rendered) workload(ns, kind, name string) *workload {
	for i := range r.workloads {
		w := &r.workloads[i]
		if w.namespace == ns && w.kind == kind && w.name == name {
			return w
		}
	}
	return nil
}

// minReplicas is what a workload runs with at the least: its HPA's minimum when one scales it.
func (r *rendered) minReplicas(w workload) int32 {
	for _, obj := range r.objects {
		if h, ok := obj.(*autoscalingv2.HorizontalPodAutoscaler); ok && h.Namespace == w.namespace &&
			h.Spec.ScaleTargetRef.Kind == w.kind && h.Spec.ScaleTargetRef.Name == w.name {
			if h.Spec.MinReplicas != nil {
				return *h.Spec.MinReplicas
			}
			return 1
		}
	}
	return w.replicas
}

func validateObject(errs *problems, r *rendered, obj runtime.Object) {
	switch o := obj.(type) {
	case *appsv1.Deployment:
		id := "Deployment " + o.Name
		validateMeta(errs, id, o.ObjectMeta, true)
		sel := validateSelector(errs, id, o.Spec.Selector, "spec.selector")
		if !sel.Matches(labels.Set(o.Spec.Template.Labels)) || sel.Empty() {
			errs.add("%s: spec.selector does not select the pod template's labels %v", id, o.Spec.Template.Labels)
		}
		validatePodSpec(errs, r, id, o.Namespace, o.Spec.Template)
	case *appsv1.StatefulSet:
		id := "StatefulSet " + o.Name
		validateMeta(errs, id, o.ObjectMeta, true)
		sel := validateSelector(errs, id, o.Spec.Selector, "spec.selector")
		if !sel.Matches(labels.Set(o.Spec.Template.Labels)) || sel.Empty() {
			errs.add("%s: spec.selector does not select the pod template's labels", id)
		}
		validatePodSpec(errs, r, id, o.Namespace, o.Spec.Template)
	case *corev1.Service:
		id := "Service " + o.Name
		validateMeta(errs, id, o.ObjectMeta, true)
		if len(o.Spec.Selector) == 0 {
			errs.add("%s: no selector", id)
			return
		}
		targets := r.matching(o.Namespace, labels.SelectorFromSet(o.Spec.Selector))
		if len(targets) == 0 {
			errs.add("%s: selector %v selects no pods of any workload", id, o.Spec.Selector)
		}
		for _, p := range o.Spec.Ports {
			for _, w := range targets {
				if !hasPort(w.spec, p.TargetPort, p.Port) {
					errs.add("%s: port %s targets %s, which %s %s does not declare", id, p.Name, p.TargetPort.String(), w.kind, w.name)
				}
			}
		}
	case *corev1.ConfigMap:
		validateMeta(errs, "ConfigMap "+o.Name, o.ObjectMeta, true)
	case *corev1.Secret:
		validateMeta(errs, "Secret "+o.Name, o.ObjectMeta, true)
	case *corev1.ServiceAccount:
		validateMeta(errs, "ServiceAccount "+o.Name, o.ObjectMeta, true)
	case *corev1.Namespace:
		validateMeta(errs, "Namespace "+o.Name, o.ObjectMeta, false)
	case *autoscalingv2.HorizontalPodAutoscaler:
		id := "HorizontalPodAutoscaler " + o.Name
		validateMeta(errs, id, o.ObjectMeta, true)
		ref := o.Spec.ScaleTargetRef
		w := r.workload(o.Namespace, ref.Kind, ref.Name)
		if w == nil || ref.APIVersion != "apps/v1" {
			errs.add("%s: scaleTargetRef %s %s/%s is not in the manifests", id, ref.APIVersion, ref.Kind, ref.Name)
		}
		minR := int32(1)
		if o.Spec.MinReplicas != nil {
			minR = *o.Spec.MinReplicas
		}
		if minR < 1 || o.Spec.MaxReplicas < minR {
			errs.add("%s: replicas must satisfy 1 <= min (%d) <= max (%d)", id, minR, o.Spec.MaxReplicas)
		}
		if len(o.Spec.Metrics) == 0 {
			errs.add("%s: no metrics to scale on", id)
		}
		for _, m := range o.Spec.Metrics {
			if m.Type == autoscalingv2.ResourceMetricSourceType && m.Resource != nil && w != nil &&
				m.Resource.Target.Type == autoscalingv2.UtilizationMetricType {
				for _, c := range w.spec.Containers {
					if _, ok := c.Resources.Requests[m.Resource.Name]; !ok {
						errs.add("%s: scales on %s utilisation but container %s has no %s request", id, m.Resource.Name, c.Name, m.Resource.Name)
					}
				}
			}
		}
	case *policyv1.PodDisruptionBudget:
		id := "PodDisruptionBudget " + o.Name
		validateMeta(errs, id, o.ObjectMeta, true)
		sel := validateSelector(errs, id, o.Spec.Selector, "spec.selector")
		targets := r.matching(o.Namespace, sel)
		if len(targets) == 0 {
			errs.add("%s: selector selects no pods of any workload", id)
		}
		if (o.Spec.MinAvailable == nil) == (o.Spec.MaxUnavailable == nil) {
			errs.add("%s: set exactly one of minAvailable and maxUnavailable", id)
		}
		// A budget that can never be met blocks every node drain.
		if o.Spec.MinAvailable != nil && o.Spec.MinAvailable.Type == intstr.Int {
			for _, w := range targets {
				if int32(o.Spec.MinAvailable.IntValue()) >= r.minReplicas(w) {
					errs.add("%s: minAvailable %d leaves no disruption allowed for %s (at least %d replicas)", id, o.Spec.MinAvailable.IntValue(), w.name, r.minReplicas(w))
				}
			}
		}
	case *networkingv1.NetworkPolicy:
		id := "NetworkPolicy " + o.Name
		validateMeta(errs, id, o.ObjectMeta, true)
		sel := validateSelector(errs, id, &o.Spec.PodSelector, "spec.podSelector")
		if !sel.Empty() && len(r.matching(o.Namespace, sel)) == 0 {
			errs.add("%s: podSelector selects no pods of any workload", id)
		}
		for i, rule := range o.Spec.Ingress {
			for j, peer := range rule.From {
				if peer.PodSelector != nil && peer.NamespaceSelector == nil {
					ps := validateSelector(errs, id, peer.PodSelector, fmt.Sprintf("spec.ingress[%d].from[%d].podSelector", i, j))
					if !ps.Empty() && len(r.matching(o.Namespace, ps)) == 0 {
						errs.add("%s: ingress[%d].from[%d] selects no pods of any workload", id, i, j)
					}
				}
			}
		}
	case *networkingv1.Ingress:
		id := "Ingress " + o.Name
		validateMeta(errs, id, o.ObjectMeta, true)
		for _, rule := range o.Spec.Rules {
			if rule.HTTP == nil {
				continue
			}
			for _, p := range rule.HTTP.Paths {
				if p.Backend.Service == nil {
					continue
				}
				svc := r.services[key(o.Namespace, p.Backend.Service.Name)]
				if svc == nil {
					errs.add("%s: path %s goes to Service %s, which is not in the manifests", id, p.Path, p.Backend.Service.Name)
					continue
				}
				if !serviceHasPort(svc, p.Backend.Service.Port) {
					errs.add("%s: path %s goes to a port Service %s does not have", id, p.Path, svc.Name)
				}
			}
		}
	}
}

func serviceHasPort(svc *corev1.Service, port networkingv1.ServiceBackendPort) bool {
	for _, p := range svc.Spec.Ports {
		if (port.Name != "" && p.Name == port.Name) || (port.Number != 0 && p.Port == port.Number) {
			return true
		}
	}
	return false
}

func hasPort(spec corev1.PodSpec, target intstr.IntOrString, fallback int32) bool {
	for _, c := range spec.Containers {
		for _, p := range c.Ports {
			switch {
			case target.Type == intstr.String && target.StrVal != "" && p.Name == target.StrVal:
				return true
			case target.Type == intstr.Int && target.IntVal != 0 && p.ContainerPort == target.IntVal:
				return true
			case target.Type == intstr.Int && target.IntVal == 0 && p.ContainerPort == fallback:
				return true
			}
		}
	}
	return false
}

func validatePodSpec(errs *problems, r *rendered, id, ns string, tpl corev1.PodTemplateSpec) {
	for _, e := range metavalidation.ValidateLabels(tpl.Labels, field.NewPath("spec.template.metadata.labels")) {
		errs.add("%s: %v", id, e)
	}
	pod := tpl.Spec
	podNonRoot := pod.SecurityContext != nil && pod.SecurityContext.RunAsNonRoot != nil && *pod.SecurityContext.RunAsNonRoot
	volumes := map[string]bool{}
	for _, v := range pod.Volumes {
		volumes[v.Name] = true
		if v.ConfigMap != nil && !optional(v.ConfigMap.Optional) && !r.configMaps[key(ns, v.ConfigMap.Name)] {
			errs.add("%s: volume %s mounts ConfigMap %s, which is not in the manifests", id, v.Name, v.ConfigMap.Name)
		}
		if v.Secret != nil && !optional(v.Secret.Optional) && !r.secrets[key(ns, v.Secret.SecretName)] {
			errs.add("%s: volume %s mounts Secret %s, which is not in the manifests", id, v.Name, v.Secret.SecretName)
		}
	}
	if len(pod.Containers) == 0 {
		errs.add("%s: no containers", id)
	}
	for _, c := range pod.Containers {
		cid := fmt.Sprintf("%s container %s", id, c.Name)
		if c.Image == "" {
			errs.add("%s: no image", cid)
		}
		for _, res := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
			if _, ok := c.Resources.Requests[res]; !ok {
				errs.add("%s: no %s request", cid, res)
			}
		}
		if _, ok := c.Resources.Limits[corev1.ResourceMemory]; !ok {
			errs.add("%s: no memory limit", cid)
		}
		for what, q := range c.Resources.Requests {
			if lim, ok := c.Resources.Limits[what]; ok && lim.Cmp(q) < 0 {
				errs.add("%s: %s limit %s below its request %s", cid, what, lim.String(), q.String())
			}
		}
		if c.ReadinessProbe == nil {
			errs.add("%s: no readinessProbe", cid)
		}
		if c.LivenessProbe == nil {
			errs.add("%s: no livenessProbe", cid)
		}
		for name, p := range map[string]*corev1.Probe{"readinessProbe": c.ReadinessProbe, "livenessProbe": c.LivenessProbe, "startupProbe": c.StartupProbe} {
			if p != nil && p.HTTPGet != nil && !containerHasPort(c, p.HTTPGet.Port) {
				errs.add("%s: %s uses port %s, which the container does not declare", cid, name, p.HTTPGet.Port.String())
			}
		}
		nonRoot := podNonRoot
		if c.SecurityContext != nil && c.SecurityContext.RunAsNonRoot != nil {
			nonRoot = *c.SecurityContext.RunAsNonRoot
		}
		if !nonRoot {
			errs.add("%s: runAsNonRoot is not set", cid)
		}
		if c.SecurityContext == nil || c.SecurityContext.AllowPrivilegeEscalation == nil || *c.SecurityContext.AllowPrivilegeEscalation {
			errs.add("%s: allowPrivilegeEscalation must be false", cid)
		}
		for _, m := range c.VolumeMounts {
			if !volumes[m.Name] {
				errs.add("%s: mounts volume %s, which the pod does not define", cid, m.Name)
			}
		}
		for _, e := range c.EnvFrom {
			if e.ConfigMapRef != nil && !optional(e.ConfigMapRef.Optional) && !r.configMaps[key(ns, e.ConfigMapRef.Name)] {
				errs.add("%s: envFrom ConfigMap %s is not in the manifests", cid, e.ConfigMapRef.Name)
			}
			if e.SecretRef != nil && !optional(e.SecretRef.Optional) && !r.secrets[key(ns, e.SecretRef.Name)] {
				errs.add("%s: envFrom Secret %s is not in the manifests", cid, e.SecretRef.Name)
			}
		}
		seen := map[string]bool{}
		for _, e := range c.Env {
			if seen[e.Name] {
				errs.add("%s: env %s is set twice", cid, e.Name)
			}
			seen[e.Name] = true
			if e.ValueFrom == nil {
				continue
			}
			if ref := e.ValueFrom.ConfigMapKeyRef; ref != nil && !optional(ref.Optional) && !r.configMaps[key(ns, ref.Name)] {
				errs.add("%s: env %s reads ConfigMap %s, which is not in the manifests", cid, e.Name, ref.Name)
			}
			if ref := e.ValueFrom.SecretKeyRef; ref != nil && !optional(ref.Optional) && !r.secrets[key(ns, ref.Name)] {
				errs.add("%s: env %s reads Secret %s, which is not in the manifests", cid, e.Name, ref.Name)
			}
		}
	}
}

func containerHasPort(c corev1.Container, port intstr.IntOrString) bool {
	for _, p := range c.Ports {
		if (port.Type == intstr.String && p.Name == port.StrVal) || (port.Type == intstr.Int && p.ContainerPort == port.IntVal) {
			return true
		}
	}
	return false
}

func optional(b *bool) bool { return b != nil && *b }
