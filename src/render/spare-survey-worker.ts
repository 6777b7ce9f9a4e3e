/** The worker thread of spare-survey.ts: surveys a spare while the main thread builds the view. */
import { serveTasks } from '../pipeline/worker-pool.ts';
import { surveySpare, type SpareFile } from './spare.ts';
import type { SurveyTask } from './spare-survey.ts';

serveTasks<SurveyTask, SpareFile[]>(({ dir, reserved }) => surveySpare(dir, new Set(reserved)));
