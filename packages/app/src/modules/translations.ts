import {
  createFrontendModule,
  createTranslationMessages,
} from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { scaffolderTranslationRef } from '@backstage/plugin-scaffolder/alpha';

/**
 * The task page's title is the template's title once the catalog has answered;
 * until then (or if it never does) it is `ongoingTask.title`, whose default
 * "Run of" was written to precede the name and reads as a broken title alone.
 */
export const scaffolderMessages = createTranslationMessages({
  ref: scaffolderTranslationRef,
  messages: { 'ongoingTask.title': 'Task' },
});

/** The app's wording where a plugin's default does not read well. */
export const translationsModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    TranslationBlueprint.make({
      name: 'scaffolder',
      params: { resource: scaffolderMessages },
    }),
  ],
});
