// One agent's profile as a lead edits it: name, role, capacity, skills, languages, availability.
import { useState, type FormEvent } from 'react';
import type { Agent, Availability } from '../../../../src-preload/contract';
import { FieldError } from './FieldError';
import { FormFooter } from './FormFooter';
import { listFromText, numberFrom, unplacedIssues } from './form.issues';
import { useSubmit } from './useSubmit';

const roles: Agent['role'][] = ['agent', 'lead', 'admin'];
const availabilities: Availability[] = ['online', 'away', 'busy', 'offline'];

export function AgentForm({ agent, isMe }: { agent: Agent; isMe: boolean }) {
  const submit = useSubmit();
  const [name, setName] = useState(agent.name);
  const [role, setRole] = useState(agent.role);
  const [capacity, setCapacity] = useState(String(agent.capacity));
  const [skills, setSkills] = useState(agent.skills.join(', '));
  const [languages, setLanguages] = useState(agent.languages.join(', '));
  const [availability, setAvailability] = useState<Availability>(agent.availability);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const saved = await submit.run('agents.update', {
      agentId: agent.id,
      name: name.trim(),
      role,
      capacity: numberFrom(capacity),
      skills: listFromText(skills),
      languages: listFromText(languages),
      availability,
    });
    if (saved) {
      // Show what the core stored (skills and languages tidied).
      setSkills(saved.skills.join(', '));
      setLanguages(saved.languages.join(', '));
    }
  }

  const { issues } = submit;
  return (
    <form className="settings-form agent-form" data-testid="agent-form" data-agent-id={agent.id} onSubmit={(event) => void save(event)}>
      <div className="agent-form-head">
        <strong>{agent.name}</strong>
        <span className="muted">
          {isMe ? 'you · ' : ''}Telegram user {agent.tgUserId}
        </span>
      </div>
      <div className="form-row">
        <label>
          Name
          <input data-testid="agent-name" value={name} onChange={(e) => setName(e.target.value)} />
          <FieldError issues={issues} path="name" />
        </label>
        <label className="narrow">
          Role
          <select data-testid="agent-role" value={role} onChange={(e) => setRole(e.target.value as Agent['role'])}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <FieldError issues={issues} path="role" />
        </label>
        <label className="narrow">
          Capacity
          <input data-testid="agent-capacity" type="number" value={capacity} onChange={(e) => setCapacity(e.target.value)} />
          <FieldError issues={issues} path="capacity" />
        </label>
        <label className="narrow">
          Availability
          <select data-testid="agent-availability" value={availability} onChange={(e) => setAvailability(e.target.value as Availability)}>
            {availabilities.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="form-row">
        <label>
          Skills (routing sends tickets by skill)
          <input data-testid="agent-skills" value={skills} onChange={(e) => setSkills(e.target.value)} placeholder="support, billing" />
          <FieldError issues={issues} path="skills" />
        </label>
        <label>
          Languages
          <input data-testid="agent-languages" value={languages} onChange={(e) => setLanguages(e.target.value)} placeholder="en, de" />
          <FieldError issues={issues} path="languages" />
        </label>
      </div>
      <FormFooter
        issues={issues}
        extra={unplacedIssues(issues, ['name', 'role', 'capacity', 'skills', 'languages', 'availability'])}
        busy={submit.busy}
        saved={submit.saved}
        testId="agent"
      />
    </form>
  );
}
