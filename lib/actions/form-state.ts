// What a form's server action answers; shared by the server wrapper and the forms.
export interface FormState {
  status: 'idle' | 'error' | 'success';
  /** Catalogue key of the message for the whole form. */
  message?: string;
  /** Values the message (and a form-wide field error) takes, such as how long to wait. */
  messageValues?: Record<string, string | number>;
  /** Catalogue keys (validation.<key>) by field name. */
  fieldErrors: Record<string, string>;
  /** What was typed, to show again after an error. Never holds passwords. */
  values: Record<string, string>;
}

export const initialFormState: FormState = { status: 'idle', fieldErrors: {}, values: {} };

export const successState = (values: Record<string, string> = {}): FormState => ({ status: 'success', fieldErrors: {}, values });
