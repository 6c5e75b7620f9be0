import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { useId, type ReactNode } from 'react';

const sectionStyles = xcss({
  paddingBlockEnd: 'space.300',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
});

interface SectionProps {
  title: string;
  /** h2 for a page's sections, h3 inside them. */
  level?: 2 | 3;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** A titled region: its heading names it for screen readers' landmark lists. */
export const Section = ({ title, level = 2, description, actions, children, testId }: SectionProps) => {
  const id = useId();
  return (
    <Box as="section" aria-labelledby={id} xcss={level === 2 ? sectionStyles : undefined} testId={testId}>
      <Stack space="space.200">
        <Inline spread="space-between" alignBlock="center" space="space.100">
          <Heading as={level === 2 ? 'h2' : 'h3'} size={level === 2 ? 'medium' : 'small'} id={id}>
            {title}
          </Heading>
          {actions}
        </Inline>
        {description && <Text color="color.text.subtle">{description}</Text>}
        {children}
      </Stack>
    </Box>
  );
};
