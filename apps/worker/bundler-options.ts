import type { BundleOptions } from '@temporalio/worker';

/**
 * Webpack settings for the workflow bundle, shared by the worker, the bundle CLI and the
 * bench. The SDK evaluates the workflow modules afresh for every workflow it starts (each
 * gets its own module state); concatenating our modules into one scope makes that one
 * module instead of two dozen, each with its export getters.
 */
export const workflowBundlerOptions: Required<Pick<BundleOptions, 'webpackConfigHook'>> = {
  webpackConfigHook: (config) => ({ ...config, optimization: { ...config.optimization, concatenateModules: true } }),
};
