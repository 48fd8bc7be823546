/**
 * The rules about the config: it cannot be read or used as written. Also
 * reported by the stages that find out (a layer that matches nothing, a
 * target that does not exist); any of them as an error makes a command exit 2.
 */
import { rulesOf } from '../diagnostics/rule.js';

export const CONFIG_RULES = rulesOf('config', {
  'config/layer-outside-project': {
    severity: 'error',
    explanation: 'A layer glob matches files outside the config\'s folder that "sharedFolders" does not allow.',
  },
  'config/unsafe-out': {
    severity: 'error',
    explanation:
      'The output folder is the file-system root, the project folder, a folder above the config, or holds the config, a layer file or templates.',
  },
  'config/out-not-a-folder': { severity: 'error', explanation: 'The output folder names a file.' },
  'config/unreadable': { severity: 'error', explanation: 'The config file cannot be read.' },
  'config/invalid-locale': {
    severity: 'error',
    explanation: 'A locale in the config is not a canonical BCP 47 tag, or is not listed in "locales".',
  },
  'config/duplicate-layer': {
    severity: 'error',
    explanation: 'Two layers have the same name (a layer of the config and one of the base it extends included).',
  },
  'config/unknown-template': {
    severity: 'warning',
    explanation:
      'A file in a "templates" override folder has the name of no template of that target, so it is not used (a template renamed by an upgrade: rename yours).',
  },
  'config/extends': {
    severity: 'error',
    explanation:
      'The base named by "extends" cannot be found, or sets what only the extending project may (out, templates, customTargets, targets, sharedFolders, extends).',
  },
  'config/empty-layer': { severity: 'warning', explanation: 'A layer matches no file.' },
  'config/file-in-two-layers': { severity: 'error', explanation: 'One file is matched by two layers.' },
  'config/unknown-target': { severity: 'error', explanation: 'A target id that does not exist.' },
  'config/duplicate-target': { severity: 'error', explanation: 'A custom target has the id of a built-in target.' },
  'config/missing-templates': { severity: 'error', explanation: 'A template folder or file named in the config does not exist.' },
  'config/invalid-path': { severity: 'error', explanation: "A custom target's output path leaves the target's folder." },
  'config/unknown-rule': { severity: 'error', explanation: 'review.severities names a QA rule that does not exist.' },
});

declare module '../diagnostics/rule.js' {
  interface RuleIds extends Record<keyof typeof CONFIG_RULES, true> {}
}
