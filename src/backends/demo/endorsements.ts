/** Skill endorsements: one per colleague per skill, never for yourself. */
import type { Skill } from '../../model.js';
import { BackendError } from '../../errors.js';
import type { DemoContext } from './context.js';
import { toSkill } from './people.js';
import type { DemoSkillRecord, EndorsementRecord } from './seed.js';
import { skillKey } from './store.js';

interface UnendorsePayload {
  personId: string;
  skill: string;
  endorserId: string;
}

export function createEndorsementsModule(context: DemoContext) {
  const { store } = context;
  const addEndorsement = store.defineOp<EndorsementRecord>('endorsement.add', (record) =>
    store.addEndorsement(record),
  );
  const removeEndorsement = store.defineOp<UnendorsePayload>(
    'endorsement.remove',
    ({ personId, skill, endorserId }) => store.removeEndorsement(personId, skill, endorserId),
  );

  function declaredSkill(personId: string, skill: string): DemoSkillRecord {
    const person = store.findPerson(personId);
    if (!person)
      throw new BackendError('not-found', `There is no person "${personId}".`, { code: 'person.unknown' });
    const declared = person.skills.find((candidate) => skillKey(candidate.name) === skillKey(skill));
    if (!declared) {
      throw new BackendError('not-found', `${person.name} has not listed the skill "${skill}".`, {
        code: 'endorsement.unknown-skill',
      });
    }
    return declared;
  }

  return {
    endorseSkill(personId: string, skill: string): Skill {
      const declared = declaredSkill(personId, skill);
      const person = store.findPerson(personId)!;
      if (person.id === context.currentUserId) {
        throw new BackendError('invalid', 'You cannot endorse your own skills.', {
          code: 'endorsement.self',
        });
      }
      // One endorsement per person per skill: endorsing again changes nothing.
      if (!store.endorsementsOf(person.id, declared.name, context.currentUserId).byViewer) {
        addEndorsement({
          personId: person.id,
          skill: declared.name,
          endorserId: context.currentUserId,
          at: store.nowIso(),
        });
      }
      return toSkill(store, person.id, declared, context.currentUserId);
    },

    unendorseSkill(personId: string, skill: string): Skill {
      const declared = declaredSkill(personId, skill);
      const person = store.findPerson(personId)!;
      if (store.endorsementsOf(person.id, declared.name, context.currentUserId).byViewer) {
        removeEndorsement({ personId: person.id, skill: declared.name, endorserId: context.currentUserId });
      }
      return toSkill(store, person.id, declared, context.currentUserId);
    },
  };
}
